package dev.vireo.linalg;

import java.util.Arrays;

/**
 * Unfolds sliding windows of a [C, D, H, W] float image into a [C·kD·kH·kW, oD·oH·oW] matrix so
 * that a convolution becomes one matrix product. Lower spatial ranks use leading dims of size 1
 * (with kernel 1, stride 1, pad 0, dilation 1); padded positions read as 0.
 */
public final class Im2col {
  private Im2col() {}

  /**
   * Fills rows [cFrom·kSize, cTo·kSize) of {@code col} for channels [cFrom, cTo), all output
   * positions (row length oD·oH·oW).
   *
   * @param in input spatial dims {D, H, W}
   * @param k kernel dims; {@code s} strides; {@code pad} begin pads; {@code dil} dilations
   * @param out output spatial dims
   */
  public static void unfold(float[] x, int xOff, int cFrom, int cTo, int[] in, int[] k, int[] s,
      int[] pad, int[] dil, int[] out, float[] col) {
    int outSize = out[0] * out[1] * out[2];
    int kSize = k[0] * k[1] * k[2];
    unfoldTile(x, xOff, cFrom, cTo, in, k, s, pad, dil, out, 0, outSize, col,
        cFrom * kSize * outSize);
  }

  /**
   * Fills a column tile: for channels [cFrom, cTo) and output positions [pFrom, pTo) (flattened
   * row-major over the output dims), writes row {@code (c − cFrom)·kSize + tap} of a
   * [(cTo − cFrom)·kSize, pTo − pFrom] row-major matrix starting at {@code col[colOff]}.
   */
  public static void unfoldTile(float[] x, int xOff, int cFrom, int cTo, int[] in, int[] k,
      int[] s, int[] pad, int[] dil, int[] out, int pFrom, int pTo, float[] col, int colOff) {
    int inSize = in[0] * in[1] * in[2];
    int cols = pTo - pFrom;
    int plane = out[1] * out[2];
    int dst = colOff;
    for (int c = cFrom; c < cTo; c++) {
      int xc = xOff + c * inSize;
      for (int kd = 0; kd < k[0]; kd++) {
        for (int kh = 0; kh < k[1]; kh++) {
          for (int kw = 0; kw < k[2]; kw++) {
            int p = pFrom;
            while (p < pTo) {
              int od = p / plane;
              int oh = (p - od * plane) / out[2];
              int ow = p - od * plane - oh * out[2];
              int run = Math.min(pTo - p, out[2] - ow);
              int id = od * s[0] - pad[0] + kd * dil[0];
              int ih = oh * s[1] - pad[1] + kh * dil[1];
              if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1]) {
                Arrays.fill(col, dst, dst + run, 0f);
              } else {
                rowRun(x, xc + (id * in[1] + ih) * in[2], in[2], ow * s[2] - pad[2] + kw * dil[2],
                    s[2], run, col, dst);
              }
              dst += run;
              p += run;
            }
          }
        }
      }
    }
    assert dst - colOff == (cTo - cFrom) * k[0] * k[1] * k[2] * cols;
  }

  /** col[dst + j] = x[row + iw0 + j·step] for j in [0, run), 0 where that is outside [0, w). */
  private static void rowRun(float[] x, int row, int w, int iw0, int step, int run, float[] col,
      int dst) {
    if (step == 1) {
      int lo = Math.min(run, Math.max(0, -iw0));
      int hi = Math.max(lo, Math.min(run, w - iw0));
      Arrays.fill(col, dst, dst + lo, 0f);
      if (hi > lo) {
        System.arraycopy(x, row + iw0 + lo, col, dst + lo, hi - lo);
      }
      Arrays.fill(col, dst + hi, dst + run, 0f);
      return;
    }
    int iw = iw0;
    for (int j = 0; j < run; j++, iw += step) {
      col[dst + j] = iw >= 0 && iw < w ? x[row + iw] : 0f;
    }
  }
}
