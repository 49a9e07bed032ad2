package dev.vireo.linalg;

/**
 * Unfolds sliding windows of a [C, D, H, W] float image into a [C·kD·kH·kW, oD·oH·oW] matrix so
 * that a convolution becomes one matrix product. Lower spatial ranks use leading dims of size 1
 * (with kernel 1, stride 1, pad 0, dilation 1); padded positions read as 0.
 */
public final class Im2col {
  private Im2col() {}

  /**
   * Fills rows [cFrom·kSize, cTo·kSize) of {@code col} for channels [cFrom, cTo).
   *
   * @param in input spatial dims {D, H, W}
   * @param k kernel dims; {@code s} strides; {@code pad} begin pads; {@code dil} dilations
   * @param out output spatial dims
   */
  public static void unfold(float[] x, int xOff, int cFrom, int cTo, int[] in, int[] k, int[] s,
      int[] pad, int[] dil, int[] out, float[] col) {
    int inSize = in[0] * in[1] * in[2];
    int outSize = out[0] * out[1] * out[2];
    int kSize = k[0] * k[1] * k[2];
    for (int c = cFrom; c < cTo; c++) {
      int xc = xOff + c * inSize;
      for (int kd = 0; kd < k[0]; kd++) {
        for (int kh = 0; kh < k[1]; kh++) {
          for (int kw = 0; kw < k[2]; kw++) {
            int row = c * kSize + (kd * k[1] + kh) * k[2] + kw;
            int dst = row * outSize;
            for (int od = 0; od < out[0]; od++) {
              int id = od * s[0] - pad[0] + kd * dil[0];
              boolean dOk = id >= 0 && id < in[0];
              for (int oh = 0; oh < out[1]; oh++) {
                int ih = oh * s[1] - pad[1] + kh * dil[1];
                if (!dOk || ih < 0 || ih >= in[1]) {
                  java.util.Arrays.fill(col, dst, dst + out[2], 0f);
                  dst += out[2];
                  continue;
                }
                int src = xc + (id * in[1] + ih) * in[2];
                int iw = -pad[2] + kw * dil[2];
                int step = s[2];
                for (int ow = 0; ow < out[2]; ow++, iw += step) {
                  col[dst++] = iw >= 0 && iw < in[2] ? x[src + iw] : 0f;
                }
              }
            }
          }
        }
      }
    }
  }
}
