package dev.vireo.linalg.panama;

import dev.vireo.linalg.WindowRowOps;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WindowRowOps} on the Vector API: two vectors of outputs per step, all taps accumulated
 * in registers before one store, so each output is written once.
 */
public final class PanamaWindowRowOps implements WindowRowOps {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Lanes 2i of a pair of vectors (indices past L select from the second). */
  static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
  /** Lanes 2i + 1 of a pair of vectors. */
  static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);

  @Override
  public void weightedSum(float[] x, int[] tap, float[] w, int wOff, int taps, float[] y, int yOff,
      int n) {
    int i = 0;
    // main loop
    for (; i + 2 * L <= n; i += 2 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      for (int t = 0; t < taps; t++) {
        FloatVector wv = FloatVector.broadcast(S, w[wOff + t]);
        int o = tap[t] + i;
        a0 = wv.fma(FloatVector.fromArray(S, x, o), a0);
        a1 = wv.fma(FloatVector.fromArray(S, x, o + L), a1);
      }
      a0.intoArray(y, yOff + i);
      a1.intoArray(y, yOff + i + L);
    }
    // vector tail
    for (; i + L <= n; i += L) {
      FloatVector a0 = FloatVector.zero(S);
      for (int t = 0; t < taps; t++) {
        a0 = FloatVector.broadcast(S, w[wOff + t]).fma(FloatVector.fromArray(S, x, tap[t] + i), a0);
      }
      a0.intoArray(y, yOff + i);
    }
    // vector tail, masked: short rows (56, 28, 14 outputs) would otherwise spend most of their
    // time in a scalar tail
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector a0 = FloatVector.zero(S);
      for (int t = 0; t < taps; t++) {
        a0 = FloatVector.broadcast(S, w[wOff + t]).fma(FloatVector.fromArray(S, x, tap[t] + i, m), a0);
      }
      a0.intoArray(y, yOff + i, m);
    }
  }

  @Override
  public void max(float[] x, int[] tap, int taps, float[] y, int yOff, int n) {
    int i = 0;
    // main loop
    for (; i + 2 * L <= n; i += 2 * L) {
      FloatVector m0 = FloatVector.fromArray(S, x, tap[0] + i);
      FloatVector m1 = FloatVector.fromArray(S, x, tap[0] + i + L);
      for (int t = 1; t < taps; t++) {
        int o = tap[t] + i;
        m0 = m0.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, o));
        m1 = m1.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, o + L));
      }
      m0.intoArray(y, yOff + i);
      m1.intoArray(y, yOff + i + L);
    }
    // vector tail
    for (; i + L <= n; i += L) {
      FloatVector m0 = FloatVector.fromArray(S, x, tap[0] + i);
      for (int t = 1; t < taps; t++) {
        m0 = m0.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, tap[t] + i));
      }
      m0.intoArray(y, yOff + i);
    }
    // scalar tail
    for (; i < n; i++) {
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
    int j = 0;
    // main loop
    for (; j + 2 * L <= m; j += 2 * L) {
      FloatVector v0 = FloatVector.fromArray(S, x, xOff + j);
      FloatVector v1 = FloatVector.fromArray(S, x, xOff + j + L);
      v0.rearrange(EVEN, v1).intoArray(even, eOff + (j >> 1));
      v0.rearrange(ODD, v1).intoArray(odd, oOff + (j >> 1));
    }
    // scalar tail
    for (; j < m; j++) {
      if ((j & 1) == 0) {
        even[eOff + (j >> 1)] = x[xOff + j];
      } else {
        odd[oOff + (j >> 1)] = x[xOff + j];
      }
    }
  }

  @Override
  public int conv3x3Scratch(int inW, int padL, int outH, int outW, int stride) {
    if (Depthwise3x3Flat.fits(inW, padL, outH, outW, stride)) {
      return Depthwise3x3Flat.size(inW, padL, outH, outW, stride);
    }
    int width = Depthwise3x3.rowWidth(inW, padL, outW, stride);
    return Depthwise3x3.slots(outH, stride, width) * width;
  }

  @Override
  public void conv3x3(float[] x, int xOff, int inH, int inW, int stride, int padT, int padL,
      float[] w, int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff,
      int outH, int outW, int planes, float[] scratch) {
    if (stride != 1 && stride != 2) {
      throw new IllegalArgumentException("conv3x3: stride must be 1 or 2, got " + stride);
    }
    if (stride == 2 && Depthwise3x3Flat.fits(inW, padL, outH, outW, stride)) {
      Depthwise3x3Flat.planesTwo(x, xOff, inH, inW, padT, padL, w, wOff, bias, bOff, lo, hi, y,
          yOff, outH, outW, planes, scratch);
      return;
    }
    if (Depthwise3x3Flat.fits(inW, padL, outH, outW, stride)) {
      Depthwise3x3Flat.planes(x, xOff, inH, inW, padT, padL, w, wOff, bias, bOff, lo, hi, y, yOff,
          outH, outW, planes, scratch);
      return;
    }
    Depthwise3x3.planes(x, xOff, inH, inW, stride, padT, padL, w, wOff, bias, bOff, lo, hi, y,
        yOff, outH, outW, planes, scratch);
  }
}
