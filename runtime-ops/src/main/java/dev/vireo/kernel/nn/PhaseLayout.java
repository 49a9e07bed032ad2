package dev.vireo.kernel.nn;

import java.util.Arrays;

/**
 * A layout of a Conv input in which every row of the unfolded (im2col) matrix is one contiguous
 * run, so that {@link PackedConv} reads B in place instead of unfolding it.
 *
 * <p>Each channel is padded and split by stride phase: along each spatial axis with stride s,
 * pad p and padded length P, phase a holds padded positions {@code a, a+s, a+2s, ...}, i.e.
 * plane index i holds input position {@code i·s + a − p} (0 outside the input). Planes are
 * [vD, vH, vW] with {@code v = ⌈P/s⌉}. A kernel tap at offset {@code t = k·dilation} reads phase
 * {@code t mod s} at plane index {@code o + t div s} for output o, so over the "virtual" output
 * grid {@code q = (od·vH + oh)·vW + ow} every tap is a shifted copy of the plane: B[row, q] =
 * {@code buf[offset(row) + q]}. Virtual positions with {@code oh ≥ oH} or {@code ow ≥ oW} are
 * computed and discarded. A 1×1, stride-1, unpadded conv needs no copy (the input is already
 * this layout) and a layout whose planes have the output's H and W needs no copy-out. Phases no
 * tap reads are left uncopied (their contents are unspecified).
 */
final class PhaseLayout {
  private final Spatial sp;
  /** Plane dims {vD, vH, vW}. */
  private final int[] v = new int[3];
  private final int planeSize;
  private final int phases;
  private final boolean inPlace;

  PhaseLayout(Spatial sp) {
    this.sp = sp;
    int ph = 1;
    boolean flat = true;
    for (int d = 0; d < 3; d++) {
      int padded = sp.in()[d] + sp.pad()[d] + sp.padEnd()[d];
      v[d] = (padded + sp.s()[d] - 1) / sp.s()[d];
      ph *= sp.s()[d];
      flat &= sp.s()[d] == 1 && sp.pad()[d] == 0 && sp.padEnd()[d] == 0;
    }
    planeSize = v[0] * v[1] * v[2];
    phases = ph;
    inPlace = flat;
  }

  /** Whether the input as it is has this layout (no copy needed). */
  boolean inPlace() {
    return inPlace;
  }

  /** Floats per channel in the layout. */
  int channelStride() {
    return phases * planeSize;
  }

  /** Whether virtual positions are the output's positions (results go straight to Y). */
  boolean directOutput() {
    int[] o = sp.out();
    return v[1] == o[1] && v[2] == o[2];
  }

  /** Virtual positions up to and including the last real output: the columns to compute. */
  int virtualSize() {
    int[] o = sp.out();
    return ((o[0] - 1) * v[1] + o[1] - 1) * v[2] + o[2];
  }

  /** Real output positions whose virtual position is below q. */
  int realBefore(int q) {
    int[] o = sp.out();
    int hw = v[1] * v[2];
    int od = q / hw;
    if (od >= o[0]) {
      return o[0] * o[1] * o[2];
    }
    int rem = q - od * hw;
    int oh = rem / v[2];
    int ow = rem - oh * v[2];
    int count = (od * o[1] + Math.min(oh, o[1])) * o[2];
    return oh < o[1] ? count + Math.min(ow, o[2]) : count;
  }

  /**
   * Fills {@code offsets[0, cg·kSize)} with each unfolded row's start relative to the group's
   * first channel, rows ordered as W's [C/g, kD, kH, kW]; returns the largest.
   */
  int offsets(int cg, int[] offsets) {
    int[] k = sp.k();
    int[] s = sp.s();
    int[] dil = sp.dil();
    int r = 0;
    int max = 0;
    for (int c = 0; c < cg; c++) {
      for (int kd = 0; kd < k[0]; kd++) {
        int td = kd * dil[0];
        for (int kh = 0; kh < k[1]; kh++) {
          int th = kh * dil[1];
          for (int kw = 0; kw < k[2]; kw++) {
            int tw = kw * dil[2];
            int phase = ((td % s[0]) * s[1] + th % s[1]) * s[2] + tw % s[2];
            int off = c * channelStride() + phase * planeSize
                + ((td / s[0]) * v[1] + th / s[1]) * v[2] + tw / s[2];
            offsets[r++] = off;
            max = Math.max(max, off);
          }
        }
      }
    }
    return max;
  }

  /**
   * Writes channel {@code ch} of x (an [inD, inH, inW] plane at {@code x[xOff]}) in this layout
   * at {@code dst[dOff]}, {@link #channelStride()} floats.
   */
  void copyChannel(float[] x, int xOff, float[] dst, int dOff) {
    int[] in = sp.in();
    int[] s = sp.s();
    int[] pad = sp.pad();
    int d = dOff;
    for (int ad = 0; ad < s[0]; ad++) {
      for (int ah = 0; ah < s[1]; ah++) {
        for (int aw = 0; aw < s[2]; aw++) {
          if (!used(0, ad) || !used(1, ah) || !used(2, aw)) {
            // no tap reads this phase (e.g. a strided 1×1 conv reads phase 0 only)
            d += planeSize;
            continue;
          }
          for (int id = 0; id < v[0]; id++) {
            int z = id * s[0] + ad - pad[0];
            for (int ih = 0; ih < v[1]; ih++, d += v[2]) {
              int h = ih * s[1] + ah - pad[1];
              if (z < 0 || z >= in[0] || h < 0 || h >= in[1]) {
                Arrays.fill(dst, d, d + v[2], 0f);
              } else {
                copyRow(x, xOff + (z * in[1] + h) * in[2], in[2], aw - pad[2], s[2], dst, d, v[2]);
              }
            }
          }
        }
      }
    }
  }

  /** Whether some kernel tap along axis {@code axis} reads phase a. */
  private boolean used(int axis, int a) {
    for (int k = 0; k < sp.k()[axis]; k++) {
      if (k * sp.dil()[axis] % sp.s()[axis] == a) {
        return true;
      }
    }
    return false;
  }

  /** dst[d + j] = row[w0 + j·step] for j in [0, n), 0 where that is outside [0, w). */
  private static void copyRow(float[] x, int row, int w, int w0, int step, float[] dst, int d,
      int n) {
    if (step == 1) {
      int lo = Math.min(n, Math.max(0, -w0));
      int hi = Math.max(lo, Math.min(n, w - w0));
      Arrays.fill(dst, d, d + lo, 0f);
      if (hi > lo) {
        System.arraycopy(x, row + w0 + lo, dst, d + lo, hi - lo);
      }
      Arrays.fill(dst, d + hi, d + n, 0f);
      return;
    }
    // j in [lo, hi) reads inside the row: 0 ≤ w0 + j·step < w
    int lo = w0 >= 0 ? 0 : Math.min(n, (-w0 + step - 1) / step);
    int hi = w0 >= w ? lo : Math.max(lo, Math.min(n, (w - w0 + step - 1) / step));
    Arrays.fill(dst, d, d + lo, 0f);
    for (int j = lo, iw = row + w0 + lo * step; j < hi; j++, iw += step) {
      dst[d + j] = x[iw];
    }
    Arrays.fill(dst, d + hi, d + n, 0f);
  }

  /**
   * Copies the real positions of virtual columns [q0, q1) of {@code rows} rows of C
   * ({@code c[i·ldc + q − q0]}) to Y ({@code y[yOff + i·ldy + p]}, p the real position).
   */
  void copyOut(float[] c, int ldc, int q0, int q1, int rows, float[] y, int yOff, int ldy) {
    int[] o = sp.out();
    int hw = v[1] * v[2];
    int q = q0;
    int p = realBefore(q0);
    while (q < q1) {
      int od = q / hw;
      int rem = q - od * hw;
      int oh = rem / v[2];
      int ow = rem - oh * v[2];
      if (od >= o[0]) {
        return;
      }
      if (oh >= o[1]) {
        q = (od + 1) * hw;
        continue;
      }
      if (ow >= o[2]) {
        q += v[2] - ow;
        continue;
      }
      int run = Math.min(o[2] - ow, q1 - q);
      for (int i = 0; i < rows; i++) {
        System.arraycopy(c, i * ldc + q - q0, y, yOff + i * ldy + p, run);
      }
      q += run;
      p += run;
    }
  }
}
