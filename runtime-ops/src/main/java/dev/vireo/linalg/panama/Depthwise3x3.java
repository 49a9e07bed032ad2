package dev.vireo.linalg.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 3×3 depthwise plane of {@link PanamaWindowRowOps#conv3x3}: one vector of outputs along a
 * row at a time, the nine taps accumulated in a register in the scalar reference's order, then
 * bias and clamp before one store. Padding costs no copy: blocks whose taps all lie inside the
 * plane load directly, edge blocks load under lane masks (masked-off lanes read as 0), and rows
 * above or below the plane read a shared row of zeros.
 *
 * <p>Stride 2 loads each tap row as two vectors of consecutive inputs and takes their even and
 * odd lanes; the kw = 2 tap is the even lanes of the same pair moved by two columns.
 */
final class Depthwise3x3 {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
  static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);
  /** Zeros standing for rows outside the plane; only ever replaced by a longer array, never written. */
  private static volatile float[] zeros = new float[1024];

  private Depthwise3x3() {}

  private static float[] zeros(int n) {
    float[] z = zeros;
    if (z.length < n) {
      z = new float[n];
      zeros = z;
    }
    return z;
  }

  /** Lanes j in [0, n) whose column {@code c + j} lies in [0, inW). */
  private static VectorMask<Float> inRow(int c, int inW, int n) {
    int lo = Math.max(0, -c);
    int hi = Math.min(n, inW - c);
    return VectorMask.fromLong(S, hi <= lo ? 0L : ((1L << hi) - 1) & (-1L << lo));
  }

  static void strideOne(float[] x, int xOff, int inH, int inW, int padT, int padL, float[] w,
      int wOff, float bias, float lo, float hi, float[] y, int yOff, int outH, int outW) {
    float[] z = zeros(inW);
    FloatVector w0 = FloatVector.broadcast(S, w[wOff]);
    FloatVector w1 = FloatVector.broadcast(S, w[wOff + 1]);
    FloatVector w2 = FloatVector.broadcast(S, w[wOff + 2]);
    FloatVector w3 = FloatVector.broadcast(S, w[wOff + 3]);
    FloatVector w4 = FloatVector.broadcast(S, w[wOff + 4]);
    FloatVector w5 = FloatVector.broadcast(S, w[wOff + 5]);
    FloatVector w6 = FloatVector.broadcast(S, w[wOff + 6]);
    FloatVector w7 = FloatVector.broadcast(S, w[wOff + 7]);
    FloatVector w8 = FloatVector.broadcast(S, w[wOff + 8]);
    FloatVector vb = FloatVector.broadcast(S, bias);
    FloatVector vlo = FloatVector.broadcast(S, lo);
    FloatVector vhi = FloatVector.broadcast(S, hi);
    FloatVector zero = FloatVector.zero(S);
    // blocks starting in [padL, inner − L] read only columns inside the plane
    int inner = Math.min(outW, inW - 2 + padL);
    for (int oh = 0; oh < outH; oh++) {
      int ih = oh - padT;
      float[] a0 = ih >= 0 && ih < inH ? x : z;
      float[] a1 = ih + 1 >= 0 && ih + 1 < inH ? x : z;
      float[] a2 = ih + 2 >= 0 && ih + 2 < inH ? x : z;
      int r0 = (a0 == x ? xOff + ih * inW : 0) - padL;
      int r1 = (a1 == x ? xOff + (ih + 1) * inW : 0) - padL;
      int r2 = (a2 == x ? xOff + (ih + 2) * inW : 0) - padL;
      int yRow = yOff + oh * outW;
      int ow = 0;
      while (ow < outW) {
        if (ow >= padL && ow + L <= inner) {
          // main loop
          for (; ow + L <= inner; ow += L) {
            FloatVector acc = w0.fma(FloatVector.fromArray(S, a0, r0 + ow), zero);
            acc = w1.fma(FloatVector.fromArray(S, a0, r0 + ow + 1), acc);
            acc = w2.fma(FloatVector.fromArray(S, a0, r0 + ow + 2), acc);
            acc = w3.fma(FloatVector.fromArray(S, a1, r1 + ow), acc);
            acc = w4.fma(FloatVector.fromArray(S, a1, r1 + ow + 1), acc);
            acc = w5.fma(FloatVector.fromArray(S, a1, r1 + ow + 2), acc);
            acc = w6.fma(FloatVector.fromArray(S, a2, r2 + ow), acc);
            acc = w7.fma(FloatVector.fromArray(S, a2, r2 + ow + 1), acc);
            acc = w8.fma(FloatVector.fromArray(S, a2, r2 + ow + 2), acc);
            acc.add(vb).max(vlo).min(vhi).intoArray(y, yRow + ow);
          }
          continue;
        }
        // an edge block: masked loads and store
        int n = Math.min(L, outW - ow);
        int c = ow - padL;
        VectorMask<Float> m0 = inRow(c, inW, n);
        VectorMask<Float> m1 = inRow(c + 1, inW, n);
        VectorMask<Float> m2 = inRow(c + 2, inW, n);
        FloatVector acc = w0.fma(FloatVector.fromArray(S, a0, r0 + ow, m0), zero);
        acc = w1.fma(FloatVector.fromArray(S, a0, r0 + ow + 1, m1), acc);
        acc = w2.fma(FloatVector.fromArray(S, a0, r0 + ow + 2, m2), acc);
        acc = w3.fma(FloatVector.fromArray(S, a1, r1 + ow, m0), acc);
        acc = w4.fma(FloatVector.fromArray(S, a1, r1 + ow + 1, m1), acc);
        acc = w5.fma(FloatVector.fromArray(S, a1, r1 + ow + 2, m2), acc);
        acc = w6.fma(FloatVector.fromArray(S, a2, r2 + ow, m0), acc);
        acc = w7.fma(FloatVector.fromArray(S, a2, r2 + ow + 1, m1), acc);
        acc = w8.fma(FloatVector.fromArray(S, a2, r2 + ow + 2, m2), acc);
        acc.add(vb).max(vlo).min(vhi).intoArray(y, yRow + ow, S.indexInRange(0, n));
        ow += L;
      }
    }
  }

  static void strideTwo(float[] x, int xOff, int inH, int inW, int padT, int padL, float[] w,
      int wOff, float bias, float lo, float hi, float[] y, int yOff, int outH, int outW) {
    float[] z = zeros(inW);
    FloatVector w0 = FloatVector.broadcast(S, w[wOff]);
    FloatVector w1 = FloatVector.broadcast(S, w[wOff + 1]);
    FloatVector w2 = FloatVector.broadcast(S, w[wOff + 2]);
    FloatVector w3 = FloatVector.broadcast(S, w[wOff + 3]);
    FloatVector w4 = FloatVector.broadcast(S, w[wOff + 4]);
    FloatVector w5 = FloatVector.broadcast(S, w[wOff + 5]);
    FloatVector w6 = FloatVector.broadcast(S, w[wOff + 6]);
    FloatVector w7 = FloatVector.broadcast(S, w[wOff + 7]);
    FloatVector w8 = FloatVector.broadcast(S, w[wOff + 8]);
    FloatVector vb = FloatVector.broadcast(S, bias);
    FloatVector vlo = FloatVector.broadcast(S, lo);
    FloatVector vhi = FloatVector.broadcast(S, hi);
    FloatVector zero = FloatVector.zero(S);
    // a block at ow loads columns [2ow − padL, 2ow − padL + 2L + 2): inside the plane when
    // ow >= ceil(padL / 2) and ow + L <= inner
    int left = (padL + 1) >> 1;
    int inner = Math.min(outW, Math.floorDiv(inW + padL - 2, 2));
    for (int oh = 0; oh < outH; oh++) {
      int ih = 2 * oh - padT;
      float[] a0 = ih >= 0 && ih < inH ? x : z;
      float[] a1 = ih + 1 >= 0 && ih + 1 < inH ? x : z;
      float[] a2 = ih + 2 >= 0 && ih + 2 < inH ? x : z;
      int r0 = (a0 == x ? xOff + ih * inW : 0) - padL;
      int r1 = (a1 == x ? xOff + (ih + 1) * inW : 0) - padL;
      int r2 = (a2 == x ? xOff + (ih + 2) * inW : 0) - padL;
      int yRow = yOff + oh * outW;
      int ow = 0;
      while (ow < outW) {
        if (ow >= left && ow + L <= inner) {
          // main loop
          for (; ow + L <= inner; ow += L) {
            int o = 2 * ow;
            FloatVector p0 = FloatVector.fromArray(S, a0, r0 + o);
            FloatVector p1 = FloatVector.fromArray(S, a0, r0 + o + L);
            FloatVector q0 = FloatVector.fromArray(S, a0, r0 + o + 2);
            FloatVector q1 = FloatVector.fromArray(S, a0, r0 + o + 2 + L);
            FloatVector acc = w0.fma(p0.rearrange(EVEN, p1), zero);
            acc = w1.fma(p0.rearrange(ODD, p1), acc);
            acc = w2.fma(q0.rearrange(EVEN, q1), acc);
            p0 = FloatVector.fromArray(S, a1, r1 + o);
            p1 = FloatVector.fromArray(S, a1, r1 + o + L);
            q0 = FloatVector.fromArray(S, a1, r1 + o + 2);
            q1 = FloatVector.fromArray(S, a1, r1 + o + 2 + L);
            acc = w3.fma(p0.rearrange(EVEN, p1), acc);
            acc = w4.fma(p0.rearrange(ODD, p1), acc);
            acc = w5.fma(q0.rearrange(EVEN, q1), acc);
            p0 = FloatVector.fromArray(S, a2, r2 + o);
            p1 = FloatVector.fromArray(S, a2, r2 + o + L);
            q0 = FloatVector.fromArray(S, a2, r2 + o + 2);
            q1 = FloatVector.fromArray(S, a2, r2 + o + 2 + L);
            acc = w6.fma(p0.rearrange(EVEN, p1), acc);
            acc = w7.fma(p0.rearrange(ODD, p1), acc);
            acc = w8.fma(q0.rearrange(EVEN, q1), acc);
            acc.add(vb).max(vlo).min(vhi).intoArray(y, yRow + ow);
          }
          continue;
        }
        // an edge block: masked loads and store
        int n = Math.min(L, outW - ow);
        int o = 2 * ow;
        int c = o - padL;
        VectorMask<Float> mp0 = inRow(c, inW, L);
        VectorMask<Float> mp1 = inRow(c + L, inW, L);
        VectorMask<Float> mq0 = inRow(c + 2, inW, L);
        VectorMask<Float> mq1 = inRow(c + 2 + L, inW, L);
        FloatVector p0 = FloatVector.fromArray(S, a0, r0 + o, mp0);
        FloatVector p1 = FloatVector.fromArray(S, a0, r0 + o + L, mp1);
        FloatVector q0 = FloatVector.fromArray(S, a0, r0 + o + 2, mq0);
        FloatVector q1 = FloatVector.fromArray(S, a0, r0 + o + 2 + L, mq1);
        FloatVector acc = w0.fma(p0.rearrange(EVEN, p1), zero);
        acc = w1.fma(p0.rearrange(ODD, p1), acc);
        acc = w2.fma(q0.rearrange(EVEN, q1), acc);
        p0 = FloatVector.fromArray(S, a1, r1 + o, mp0);
        p1 = FloatVector.fromArray(S, a1, r1 + o + L, mp1);
        q0 = FloatVector.fromArray(S, a1, r1 + o + 2, mq0);
        q1 = FloatVector.fromArray(S, a1, r1 + o + 2 + L, mq1);
        acc = w3.fma(p0.rearrange(EVEN, p1), acc);
        acc = w4.fma(p0.rearrange(ODD, p1), acc);
        acc = w5.fma(q0.rearrange(EVEN, q1), acc);
        p0 = FloatVector.fromArray(S, a2, r2 + o, mp0);
        p1 = FloatVector.fromArray(S, a2, r2 + o + L, mp1);
        q0 = FloatVector.fromArray(S, a2, r2 + o + 2, mq0);
        q1 = FloatVector.fromArray(S, a2, r2 + o + 2 + L, mq1);
        acc = w6.fma(p0.rearrange(EVEN, p1), acc);
        acc = w7.fma(p0.rearrange(ODD, p1), acc);
        acc = w8.fma(q0.rearrange(EVEN, q1), acc);
        acc.add(vb).max(vlo).min(vhi).intoArray(y, yRow + ow, S.indexInRange(0, n));
        ow += L;
      }
    }
  }
}
