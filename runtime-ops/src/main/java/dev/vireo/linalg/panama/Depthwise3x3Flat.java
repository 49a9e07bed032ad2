package dev.vireo.linalg.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Small 3×3 depthwise planes computed over the flattened padded plane: with the padded rows laid
 * end to end (row width {@code W}), stride-1 output (oh, ow) is the flat element {@code oh·W +
 * ow} and its tap (kh, kw) is the flat input {@code oh·W + ow + kh·W + kw}, so a vector covers
 * several output rows at once (a 7-wide row alone would fill 7 of 16 lanes) and the weights are
 * broadcast once per plane rather than once per row. Stride 2 does the same over the even and
 * the odd padded rows ({@link #planesTwo}). The lanes that fall on a padding column are computed
 * into scratch and dropped when the rows are copied out. Each output element takes the same
 * fused multiply-adds in the same order as {@link Depthwise3x3}, so the results are
 * bit-identical.
 */
final class Depthwise3x3Flat {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Lane i of two vectors' 2L lanes: the even ones. */
  static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
  /** The odd lanes of two vectors. */
  static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);

  private Depthwise3x3Flat() {}

  /**
   * Floats of scratch up to which this layout is used at stride 1 (the plane stays within the L1
   * cache; larger planes measured no faster than rows).
   */
  static final int LIMIT = 1 << 13;
  /**
   * The limit at stride 2, whose row-by-row form costs more per output (its 112-pixel input
   * planes are still faster flat).
   */
  static final int LIMIT_TWO = 1 << 14;

  /** Whether this layout applies: a plane small enough to stay in cache. */
  static boolean fits(int inW, int padL, int outH, int outW, int stride) {
    return size(inW, padL, outH, outW, stride) <= (stride == 2 ? LIMIT_TWO : LIMIT);
  }

  private static int width(int inW, int padL, int outW) {
    return Math.max(padL + inW, outW + 2);
  }

  /** Output floats computed per plane: the flat rows rounded up to whole vectors. */
  private static int span(int outH, int width) {
    return (outH * width + L - 1) / L * L;
  }

  /** Row width (even) of the two stride-2 row-phase planes. */
  private static int phaseWidth(int inW, int padL, int outW) {
    int w = Math.max(padL + inW, 2 * outW + 2);
    return w + (w & 1);
  }

  /** Floats of one stride-2 row-phase plane, with room for the last vector's reads. */
  private static int phaseSize(int span, int width) {
    return 2 * span + width + 2 * L + 2;
  }

  /**
   * Scratch floats: the padded plane (with room for the last vector's reads), then the outputs
   * and room for the whole-vector load of the last row.
   */
  static int size(int inW, int padL, int outH, int outW, int stride) {
    if (stride == 2) {
      int width = phaseWidth(inW, padL, outW);
      int span = span(outH, width / 2);
      return 2 * phaseSize(span, width) + span + L;
    }
    int width = width(inW, padL, outW);
    int span = span(outH, width);
    return 2 * span + 2 * width + 2 + L;
  }

  /**
   * Stride 2 over the even and the odd rows of the padded plane, each laid out flat at an even
   * width {@code W}: output {@code f = oh·W/2 + ow} reads kernel row kh at {@code 2f + kw} of
   * the even rows (kh = 0, at 2f + W + kw for kh = 2) or the odd rows (kh = 1), so a vector of
   * outputs takes the even or odd lanes of two consecutive vectors.
   */
  static void planesTwo(float[] x, int xOff, int inH, int inW, int padT, int padL, float[] w,
      int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff, int outH,
      int outW, int planes, float[] scratch) {
    int width = phaseWidth(inW, padL, outW);
    int span = span(outH, width / 2);
    int sz = phaseSize(span, width);
    int out = 2 * sz;
    java.util.Arrays.fill(scratch, 0, out, 0f);
    int whole = outW / L * L;
    VectorMask<Float> tail = S.indexInRange(whole, outW);
    int rows = Math.min(inH, 2 * outH + 1 - padT);
    VectorMask<Float> in = S.indexInRange(0, inW);
    boolean shortRows = inW <= L;
    for (int q = 0; q < planes; q++) {
      int xq = xOff + q * inH * inW;
      for (int ih = 0; ih < rows; ih++) {
        int pr = ih + padT;
        int src = xq + ih * inW;
        int dst = (pr & 1) * sz + (pr >> 1) * width + padL;
        if (shortRows && src + L <= x.length) {
          FloatVector.fromArray(S, x, src).intoArray(scratch, dst, in);
        } else {
          System.arraycopy(x, src, scratch, dst, inW);
        }
      }
      computeTwo(scratch, sz, width, span, w, wOff + 9 * q, bias == null ? 0f : bias[bOff + q],
          lo, hi, out);
      copyOut(scratch, out, width / 2, y, yOff + q * outH * outW, outH, outW, whole, tail);
    }
  }

  private static void copyOut(float[] scratch, int out, int width, float[] y, int yq, int outH,
      int outW, int whole, VectorMask<Float> tail) {
    for (int oh = 0; oh < outH; oh++) {
      int src = out + oh * width;
      int dst = yq + oh * outW;
      for (int j = 0; j < whole; j += L) {
        FloatVector.fromArray(S, scratch, src + j).intoArray(y, dst + j);
      }
      if (whole < outW) {
        FloatVector.fromArray(S, scratch, src + whole).intoArray(y, dst + whole, tail);
      }
    }
  }

  /** All flat stride-2 outputs of one plane into {@code p[out ..]}; see {@link #planesTwo}. */
  private static void computeTwo(float[] p, int sz, int width, int span, float[] w, int wq,
      float bias, float lo, float hi, int out) {
    FloatVector w0 = FloatVector.broadcast(S, w[wq]);
    FloatVector w1 = FloatVector.broadcast(S, w[wq + 1]);
    FloatVector w2 = FloatVector.broadcast(S, w[wq + 2]);
    FloatVector w3 = FloatVector.broadcast(S, w[wq + 3]);
    FloatVector w4 = FloatVector.broadcast(S, w[wq + 4]);
    FloatVector w5 = FloatVector.broadcast(S, w[wq + 5]);
    FloatVector w6 = FloatVector.broadcast(S, w[wq + 6]);
    FloatVector w7 = FloatVector.broadcast(S, w[wq + 7]);
    FloatVector w8 = FloatVector.broadcast(S, w[wq + 8]);
    FloatVector vb = FloatVector.broadcast(S, bias);
    FloatVector vlo = FloatVector.broadcast(S, lo);
    FloatVector vhi = FloatVector.broadcast(S, hi);
    FloatVector zero = FloatVector.zero(S);
    int e2 = width;
    for (int f = 0; f < span; f += L) {
      int i = 2 * f;
      FloatVector p0 = FloatVector.fromArray(S, p, i);
      FloatVector p1 = FloatVector.fromArray(S, p, i + L);
      FloatVector q0 = FloatVector.fromArray(S, p, i + 2);
      FloatVector q1 = FloatVector.fromArray(S, p, i + 2 + L);
      FloatVector a0 = w0.fma(p0.rearrange(EVEN, p1), vb);
      a0 = w1.fma(p0.rearrange(ODD, p1), a0);
      a0 = w2.fma(q0.rearrange(EVEN, q1), a0);
      p0 = FloatVector.fromArray(S, p, sz + i);
      p1 = FloatVector.fromArray(S, p, sz + i + L);
      q0 = FloatVector.fromArray(S, p, sz + i + 2);
      q1 = FloatVector.fromArray(S, p, sz + i + 2 + L);
      FloatVector a1 = w3.fma(p0.rearrange(EVEN, p1), zero);
      a1 = w4.fma(p0.rearrange(ODD, p1), a1);
      a1 = w5.fma(q0.rearrange(EVEN, q1), a1);
      p0 = FloatVector.fromArray(S, p, e2 + i);
      p1 = FloatVector.fromArray(S, p, e2 + i + L);
      q0 = FloatVector.fromArray(S, p, e2 + i + 2);
      q1 = FloatVector.fromArray(S, p, e2 + i + 2 + L);
      FloatVector a2 = w6.fma(p0.rearrange(EVEN, p1), zero);
      a2 = w7.fma(p0.rearrange(ODD, p1), a2);
      a2 = w8.fma(q0.rearrange(EVEN, q1), a2);
      a0.add(a1).add(a2).max(vlo).min(vhi).intoArray(p, out + f);
    }
  }

  static void planes(float[] x, int xOff, int inH, int inW, int padT, int padL, float[] w,
      int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff, int outH,
      int outW, int planes, float[] scratch) {
    int width = width(inW, padL, outW);
    int span = span(outH, width);
    int plane = span + 2 * width + 2;
    // only the input elements are rewritten per plane: padding columns and rows stay zero
    java.util.Arrays.fill(scratch, 0, plane, 0f);
    int whole = outW / L * L;
    VectorMask<Float> tail = S.indexInRange(whole, outW);
    int rows = Math.min(inH, outH + 2 - padT);
    // a row shorter than a vector is copied as one vector under a fixed mask (cheaper than
    // arraycopy) while a whole vector can be read from x
    VectorMask<Float> in = S.indexInRange(0, inW);
    boolean shortRows = inW <= L;
    for (int q = 0; q < planes; q++) {
      int xq = xOff + q * inH * inW;
      for (int ih = 0; ih < rows; ih++) {
        int src = xq + ih * inW;
        int dst = (ih + padT) * width + padL;
        if (shortRows && src + L <= x.length) {
          FloatVector.fromArray(S, x, src).intoArray(scratch, dst, in);
        } else {
          System.arraycopy(x, src, scratch, dst, inW);
        }
      }
      compute(scratch, width, span, w, wOff + 9 * q, bias == null ? 0f : bias[bOff + q], lo, hi,
          plane);
      copyOut(scratch, plane, width, y, yOff + q * outH * outW, outH, outW, whole, tail);
    }
  }

  /** All flat outputs of one plane into {@code scratch[out ..]}. */
  private static void compute(float[] p, int width, int span, float[] w, int wq, float bias,
      float lo, float hi, int out) {
    FloatVector w0 = FloatVector.broadcast(S, w[wq]);
    FloatVector w1 = FloatVector.broadcast(S, w[wq + 1]);
    FloatVector w2 = FloatVector.broadcast(S, w[wq + 2]);
    FloatVector w3 = FloatVector.broadcast(S, w[wq + 3]);
    FloatVector w4 = FloatVector.broadcast(S, w[wq + 4]);
    FloatVector w5 = FloatVector.broadcast(S, w[wq + 5]);
    FloatVector w6 = FloatVector.broadcast(S, w[wq + 6]);
    FloatVector w7 = FloatVector.broadcast(S, w[wq + 7]);
    FloatVector w8 = FloatVector.broadcast(S, w[wq + 8]);
    FloatVector vb = FloatVector.broadcast(S, bias);
    FloatVector vlo = FloatVector.broadcast(S, lo);
    FloatVector vhi = FloatVector.broadcast(S, hi);
    FloatVector zero = FloatVector.zero(S);
    int r1 = width;
    int r2 = 2 * width;
    for (int f = 0; f < span; f += L) {
      FloatVector a0 = w0.fma(FloatVector.fromArray(S, p, f), vb);
      FloatVector a1 = w3.fma(FloatVector.fromArray(S, p, r1 + f), zero);
      FloatVector a2 = w6.fma(FloatVector.fromArray(S, p, r2 + f), zero);
      a0 = w1.fma(FloatVector.fromArray(S, p, f + 1), a0);
      a1 = w4.fma(FloatVector.fromArray(S, p, r1 + f + 1), a1);
      a2 = w7.fma(FloatVector.fromArray(S, p, r2 + f + 1), a2);
      a0 = w2.fma(FloatVector.fromArray(S, p, f + 2), a0);
      a1 = w5.fma(FloatVector.fromArray(S, p, r1 + f + 2), a1);
      a2 = w8.fma(FloatVector.fromArray(S, p, r2 + f + 2), a2);
      a0.add(a1).add(a2).max(vlo).min(vhi).intoArray(p, out + f);
    }
  }
}
