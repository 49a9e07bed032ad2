package dev.vireo.linalg;

/**
 * Max and average pooling of one [D, H, W] float channel (lower spatial ranks use leading dims of
 * size 1). Windows start at {@code o·s - pad} and take taps every {@code dil} elements; taps
 * outside the input are skipped by max pooling and, for average pooling, counted only when
 * {@code countPad} and inside the padded extent {@code [-pad, in + padEnd)}.
 */
public final class Pooling {
  private Pooling() {}

  /**
   * Max over each window into {@code y[yOff..]}; when {@code idx} is non-null also writes the
   * winning tap's index: {@code idxBase} plus its row-major offset within the channel, or its
   * column-major offset when {@code colMajor}.
   */
  public static void max(float[] x, int xOff, int[] in, int[] k, int[] s, int[] pad, int[] dil,
      int[] out, float[] y, int yOff, long[] idx, long idxBase, boolean colMajor) {
    int o = yOff;
    for (int od = 0; od < out[0]; od++) {
      for (int oh = 0; oh < out[1]; oh++) {
        for (int ow = 0; ow < out[2]; ow++, o++) {
          float best = Float.NEGATIVE_INFINITY;
          int bestPos = -1;
          for (int kd = 0; kd < k[0]; kd++) {
            int id = od * s[0] - pad[0] + kd * dil[0];
            if (id < 0 || id >= in[0]) {
              continue;
            }
            for (int kh = 0; kh < k[1]; kh++) {
              int ih = oh * s[1] - pad[1] + kh * dil[1];
              if (ih < 0 || ih >= in[1]) {
                continue;
              }
              int row = (id * in[1] + ih) * in[2];
              for (int kw = 0; kw < k[2]; kw++) {
                int iw = ow * s[2] - pad[2] + kw * dil[2];
                if (iw < 0 || iw >= in[2]) {
                  continue;
                }
                float v = x[xOff + row + iw];
                if (v > best || bestPos < 0) {
                  best = v;
                  bestPos = row + iw;
                }
              }
            }
          }
          y[o] = best;
          if (idx != null) {
            long p = bestPos;
            if (colMajor && bestPos >= 0) {
              int iw = bestPos % in[2];
              int ih = (bestPos / in[2]) % in[1];
              int id = bestPos / (in[2] * in[1]);
              p = ((long) iw * in[1] + ih) * in[0] + id;
            }
            idx[o] = idxBase + p;
          }
        }
      }
    }
  }

  /** Average over each window into {@code y[yOff..]}; see the class comment for the count. */
  public static void average(float[] x, int xOff, int[] in, int[] k, int[] s, int[] pad,
      int[] padEnd, int[] dil, int[] out, boolean countPad, float[] y, int yOff) {
    int o = yOff;
    for (int od = 0; od < out[0]; od++) {
      for (int oh = 0; oh < out[1]; oh++) {
        for (int ow = 0; ow < out[2]; ow++, o++) {
          double sum = 0;
          int count = 0;
          for (int kd = 0; kd < k[0]; kd++) {
            int id = od * s[0] - pad[0] + kd * dil[0];
            boolean dIn = id >= 0 && id < in[0];
            boolean dPad = id >= -pad[0] && id < in[0] + padEnd[0];
            for (int kh = 0; kh < k[1]; kh++) {
              int ih = oh * s[1] - pad[1] + kh * dil[1];
              boolean hIn = dIn && ih >= 0 && ih < in[1];
              boolean hPad = dPad && ih >= -pad[1] && ih < in[1] + padEnd[1];
              int row = (id * in[1] + ih) * in[2];
              for (int kw = 0; kw < k[2]; kw++) {
                int iw = ow * s[2] - pad[2] + kw * dil[2];
                if (hIn && iw >= 0 && iw < in[2]) {
                  sum += x[xOff + row + iw];
                  count++;
                } else if (countPad && hPad && iw >= -pad[2] && iw < in[2] + padEnd[2]) {
                  count++;
                }
              }
            }
          }
          y[o] = count == 0 ? Float.NaN : (float) (sum / count);
        }
      }
    }
  }
}
