package dev.vireo.kernel.nn;

/**
 * Direct-loop references for convolution and pooling over any number of spatial dims, written
 * straight from the ONNX spec (no unfolding, no blocking), as test oracles.
 */
final class WindowReference {
  private WindowReference() {}

  /** Pads begin/end and output sizes per the spec's auto_pad rules. */
  static int[][] geometry(int[] in, int[] k, int[] s, int[] d, int[] pads, String autoPad, boolean ceil) {
    int r = in.length;
    int[] pb = new int[r];
    int[] pe = new int[r];
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int ek = (k[i] - 1) * d[i] + 1;
      switch (autoPad) {
        case "SAME_UPPER", "SAME_LOWER" -> {
          out[i] = (in[i] + s[i] - 1) / s[i];
          int total = Math.max(0, (out[i] - 1) * s[i] + ek - in[i]);
          pb[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
          pe[i] = total - pb[i];
        }
        // ceil((in - ek + 1) / s), as the spec writes it for VALID
        case "VALID" -> out[i] = (int) Math.ceil((double) (in[i] - ek + 1) / s[i]);
        default -> {
          pb[i] = pads[i];
          pe[i] = pads[i + r];
          double span = (double) (in[i] + pb[i] + pe[i] - ek) / s[i];
          out[i] = (int) (ceil ? Math.ceil(span) : Math.floor(span)) + 1;
          if (ceil && (out[i] - 1) * s[i] >= in[i] + pb[i]) {
            out[i]--;
          }
        }
      }
    }
    return new int[][] {pb, pe, out};
  }

  /** Conv: x [n, c, in...], w [m, c/g, k...], optional bias. */
  static float[] conv(float[] x, int n, int c, int[] in, float[] w, int m, int[] k, float[] bias,
      int[] s, int[] d, int[] pb, int[] out, int g) {
    int r = in.length;
    int outSize = prod(out);
    int inSize = prod(in);
    int kSize = prod(k);
    int cg = c / g;
    int mg = m / g;
    float[] y = new float[n * m * outSize];
    int[] o = new int[r];
    int[] kk = new int[r];
    for (int img = 0; img < n; img++) {
      for (int oc = 0; oc < m; oc++) {
        int grp = oc / mg;
        for (int op = 0; op < outSize; op++) {
          unravel(op, out, o);
          double acc = bias == null ? 0 : bias[oc];
          for (int ic = 0; ic < cg; ic++) {
            int ch = grp * cg + ic;
            for (int kp = 0; kp < kSize; kp++) {
              unravel(kp, k, kk);
              int idx = 0;
              boolean inside = true;
              for (int i = 0; i < r; i++) {
                int p = o[i] * s[i] - pb[i] + kk[i] * d[i];
                inside &= p >= 0 && p < in[i];
                idx = idx * in[i] + p;
              }
              if (inside) {
                acc += x[(img * c + ch) * inSize + idx] * w[(oc * cg + ic) * kSize + kp];
              }
            }
          }
          y[(img * m + oc) * outSize + op] = (float) acc;
        }
      }
    }
    return y;
  }

  /**
   * Max (with flat row-major indices in {@code idx}) or average pooling of x [planes, in...].
   * Average counts padded taps inside [-pb, in + pe) when countPad.
   */
  static float[] pool(float[] x, int planes, int[] in, int[] k, int[] s, int[] d, int[] pb, int[] pe,
      int[] out, boolean max, boolean countPad, long[] idx) {
    int r = in.length;
    int outSize = prod(out);
    int inSize = prod(in);
    int kSize = prod(k);
    float[] y = new float[planes * outSize];
    int[] o = new int[r];
    int[] kk = new int[r];
    for (int pl = 0; pl < planes; pl++) {
      for (int op = 0; op < outSize; op++) {
        unravel(op, out, o);
        float best = Float.NEGATIVE_INFINITY;
        long bestIdx = -1;
        double sum = 0;
        int count = 0;
        for (int kp = 0; kp < kSize; kp++) {
          unravel(kp, k, kk);
          int flat = 0;
          boolean inside = true;
          boolean inPad = true;
          for (int i = 0; i < r; i++) {
            int p = o[i] * s[i] - pb[i] + kk[i] * d[i];
            inside &= p >= 0 && p < in[i];
            inPad &= p >= -pb[i] && p < in[i] + pe[i];
            flat = flat * in[i] + p;
          }
          if (inside) {
            float v = x[pl * inSize + flat];
            sum += v;
            count++;
            if (v > best) {
              best = v;
              bestIdx = (long) pl * inSize + flat;
            }
          } else if (countPad && inPad) {
            count++;
          }
        }
        y[pl * outSize + op] = max ? best : (float) (sum / count);
        if (idx != null) {
          idx[pl * outSize + op] = bestIdx;
        }
      }
    }
    return y;
  }

  static int prod(int[] v) {
    int p = 1;
    for (int x : v) {
      p *= x;
    }
    return p;
  }

  private static void unravel(int flat, int[] dims, int[] out) {
    for (int i = dims.length - 1; i >= 0; i--) {
      out[i] = flat % dims[i];
      flat /= dims[i];
    }
  }
}
