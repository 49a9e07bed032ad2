package dev.vireo.linalg;

/** The reference {@link WindowRowOps}: plain loops, also the fallback without SIMD. */
public final class ScalarWindowRowOps implements WindowRowOps {
  @Override
  public void weightedSum(float[] x, int[] tap, float[] w, int wOff, int taps, float[] y, int yOff,
      int n) {
    for (int i = 0; i < n; i++) {
      float acc = 0f;
      for (int t = 0; t < taps; t++) {
        acc = Math.fma(w[wOff + t], x[tap[t] + i], acc);
      }
      y[yOff + i] = acc;
    }
  }

  @Override
  public void max(float[] x, int[] tap, int taps, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      float m = x[tap[0] + i];
      for (int t = 1; t < taps; t++) {
        m = Math.max(m, x[tap[t] + i]);
      }
      y[yOff + i] = m;
    }
  }

  @Override
  public void deinterleave(float[] x, int xOff, int m, float[] even, int eOff, float[] odd,
      int oOff) {
    for (int j = 0; j < m; j++) {
      if ((j & 1) == 0) {
        even[eOff + (j >> 1)] = x[xOff + j];
      } else {
        odd[oOff + (j >> 1)] = x[xOff + j];
      }
    }
  }

  @Override
  public int conv3x3Scratch(int inW, int padL, int outH, int outW, int stride) {
    return 0;
  }

  @Override
  public void conv3x3(float[] x, int xOff, int inH, int inW, int stride, int padT, int padL,
      float[] w, int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff,
      int outH, int outW, int planes, float[] scratch) {
    for (int q = 0; q < planes; q++) {
      int xq = xOff + q * inH * inW;
      int wq = wOff + 9 * q;
      float b = bias == null ? 0f : bias[bOff + q];
      for (int oh = 0; oh < outH; oh++) {
        for (int ow = 0; ow < outW; ow++) {
          float acc = 0f;
          for (int kh = 0; kh < 3; kh++) {
            int ih = oh * stride - padT + kh;
            float a = kh == 0 ? b : 0f;
            for (int kw = 0; kw < 3; kw++) {
              int iw = ow * stride - padL + kw;
              float v = ih >= 0 && ih < inH && iw >= 0 && iw < inW ? x[xq + ih * inW + iw] : 0f;
              a = Math.fma(w[wq + 3 * kh + kw], v, a);
            }
            acc = kh == 0 ? a : acc + a;
          }
          y[yOff + (q * outH + oh) * outW + ow] = Math.min(Math.max(acc, lo), hi);
        }
      }
    }
  }
}
