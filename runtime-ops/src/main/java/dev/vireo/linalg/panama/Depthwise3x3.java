package dev.vireo.linalg.panama;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 3×3 depthwise plane of {@link PanamaWindowRowOps#conv3x3}: one vector of outputs along a
 * row at a time, each kernel row's three taps accumulated in its own register (three short
 * dependency chains instead of one of nine) in the scalar reference's order, then summed and
 * clamped before one store.
 *
 * <p>Implementation notes: each input row is copied once into a ring of zero-padded rows (row
 * {@code r} of the padded plane in slot {@code r mod slots}: three, or the whole plane when it is
 * small), so the loads never need lane masks
 * (masked loads with computed masks measured several times slower than the whole interior).
 * Only a row's last block stores under a mask, and only when the row is not a multiple of the
 * vector length. Stride 2 loads each tap row as two vectors of consecutive inputs and takes
 * their even and odd lanes; the kw = 2 tap is the even lanes of the pair two columns on.
 */
final class Depthwise3x3 {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Lane i takes lane 2i mod L: the even lanes of a vector, twice over. */
  static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> (2 * i) & (L - 1));
  /** Lane i takes lane (2i + 1) mod L. */
  static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> (2 * i + 1) & (L - 1));
  /** The upper half of the lanes, which come from the second vector of a pair. */
  static final VectorMask<Float> HIGH = VectorMask.fromLong(S, ((1L << L) - 1) & (-1L << (L / 2)));

  private Depthwise3x3() {}

  /** Floats of scratch up to which a whole padded plane is copied before any row is computed. */
  static final int WHOLE = 1 << 12;

  /** Floats in one padded ring row. */
  static int rowWidth(int inW, int padL, int outW, int stride) {
    return Math.max(padL + inW, stride * outW + 2 * L + 2);
  }

  /**
   * Rows the ring holds: the whole padded plane when it is small, so that its rows are all
   * stored well before they are loaded (a short row loaded right after its copy stalls on store
   * forwarding), else three.
   */
  static int slots(int outH, int stride, int width) {
    int rows = (outH - 1) * stride + 3;
    return rows * width <= WHOLE ? rows : 3;
  }

  /** Lanes {@code 2i + phase} of the 2L consecutive floats in {@code a} then {@code b}. */
  private static FloatVector pick(FloatVector a, FloatVector b, VectorShuffle<Float> phase) {
    return a.rearrange(phase).blend(b.rearrange(phase), HIGH);
  }

  /**
   * Copies padded row {@code pr} (input row pr − padT, or zeros) into ring slot pr mod slots,
   * leaving the padding columns as they are, and returns the slot's offset.
   */
  private static int load(float[] x, int xOff, int inH, int inW, int padT, int padL, int padR,
      int width, int slots, float[] ring, int pr) {
    int base = (pr % slots) * width;
    int ih = pr - padT;
    if (ih < 0 || ih >= inH) {
      Arrays.fill(ring, base + padL, base + padL + inW, 0f);
    } else if (inW <= L && padL + L <= width && xOff + ih * inW + L <= x.length) {
      // a short row: one vector copy is cheaper than arraycopy; the lanes past the row's end
      // land on the right padding, which is cleared again
      FloatVector.fromArray(S, x, xOff + ih * inW).intoArray(ring, base + padL);
      for (int j = padL + inW, e = Math.min(padL + L, padL + inW + padR); j < e; j++) {
        ring[base + j] = 0f;
      }
    } else {
      System.arraycopy(x, xOff + ih * inW, ring, base + padL, inW);
    }
    return base;
  }

  static void planes(float[] x, int xOff, int inH, int inW, int stride, int padT, int padL,
      float[] w, int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff,
      int outH, int outW, int planes, float[] ring) {
    // one method per stride keeps each compiled loop nest small
    if (stride == 1) {
      strideOne(x, xOff, inH, inW, padT, padL, w, wOff, bias, bOff, lo, hi, y, yOff, outH, outW,
          planes, ring);
    } else {
      strideTwo(x, xOff, inH, inW, padT, padL, w, wOff, bias, bOff, lo, hi, y, yOff, outH, outW,
          planes, ring);
    }
  }

  private static void strideOne(float[] x, int xOff, int inH, int inW, int padT, int padL,
      float[] w, int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff,
      int outH, int outW, int planes, float[] ring) {
    int width = rowWidth(inW, padL, outW, 1);
    int slots = slots(outH, 1, width);
    boolean whole = slots > 3;
    // the padding columns stay zero: rows write only [padL, padL + inW), or the short-row copy's
    // spill, which it clears as far as any tap reads
    Arrays.fill(ring, 0, slots * width, 0f);
    int padR = Math.max(0, outW + 2 - padL - inW);
    for (int q = 0; q < planes; q++) {
      int xq = xOff + q * inH * inW;
      float b = bias == null ? 0f : bias[bOff + q];
      load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, 0);
      load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, 1);
      for (int r = 2; whole && r < slots; r++) {
        load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, r);
      }
      for (int oh = 0; oh < outH; oh++) {
        // rows oh and oh + 1 are in the ring from the previous output row
        int r2 = whole ? (oh + 2) * width
            : load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, oh + 2);
        rowOne(ring, (oh % slots) * width, ((oh + 1) % slots) * width, r2, w, wOff + 9 * q, b, lo,
            hi, y, yOff + (q * outH + oh) * outW, outW);
      }
    }
  }

  /**
   * One output row of stride 1 from ring rows r0, r1, r2. A method per row (rather than one
   * loop nest per call) is invoked often enough to be compiled early: interpreted or C1-compiled
   * vector code is orders of magnitude slower.
   */
  private static void rowOne(float[] ring, int r0, int r1, int r2, float[] w, int wq, float bias,
      float lo, float hi, float[] y, int yRow, int outW) {
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
    for (int ow = 0; ow < outW; ow += L) {
      FloatVector a0 = w0.fma(FloatVector.fromArray(S, ring, r0 + ow), vb);
      FloatVector a1 = w3.fma(FloatVector.fromArray(S, ring, r1 + ow), zero);
      FloatVector a2 = w6.fma(FloatVector.fromArray(S, ring, r2 + ow), zero);
      a0 = w1.fma(FloatVector.fromArray(S, ring, r0 + ow + 1), a0);
      a1 = w4.fma(FloatVector.fromArray(S, ring, r1 + ow + 1), a1);
      a2 = w7.fma(FloatVector.fromArray(S, ring, r2 + ow + 1), a2);
      a0 = w2.fma(FloatVector.fromArray(S, ring, r0 + ow + 2), a0);
      a1 = w5.fma(FloatVector.fromArray(S, ring, r1 + ow + 2), a1);
      a2 = w8.fma(FloatVector.fromArray(S, ring, r2 + ow + 2), a2);
      FloatVector acc = a0.add(a1).add(a2).max(vlo).min(vhi);
      if (ow + L <= outW) {
        acc.intoArray(y, yRow + ow);
      } else {
        acc.intoArray(y, yRow + ow, S.indexInRange(ow, outW));
      }
    }
  }

  private static void strideTwo(float[] x, int xOff, int inH, int inW, int padT, int padL,
      float[] w, int wOff, float[] bias, int bOff, float lo, float hi, float[] y, int yOff,
      int outH, int outW, int planes, float[] ring) {
    int width = rowWidth(inW, padL, outW, 2);
    int slots = slots(outH, 2, width);
    boolean whole = slots > 3;
    // the padding columns stay zero: rows write only [padL, padL + inW), or the short-row copy's
    // spill, which it clears as far as any tap reads
    Arrays.fill(ring, 0, slots * width, 0f);
    int padR = Math.max(0, (outW - 1) * 2 + 3 - padL - inW);
    for (int q = 0; q < planes; q++) {
      int xq = xOff + q * inH * inW;
      float b = bias == null ? 0f : bias[bOff + q];
      load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, 0);
      for (int r = 1; whole && r < slots; r++) {
        load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, r);
      }
      for (int oh = 0; oh < outH; oh++) {
        int pr = 2 * oh;
        // row pr is in the ring from the previous output row
        int r1 = whole ? (pr + 1) * width
            : load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, pr + 1);
        int r2 = whole ? (pr + 2) * width
            : load(x, xq, inH, inW, padT, padL, padR, width, slots, ring, pr + 2);
        rowTwo(ring, (pr % slots) * width, r1, r2, w, wOff + 9 * q, b, lo, hi, y,
            yOff + (q * outH + oh) * outW, outW);
      }
    }
  }

  /** One output row of stride 2 from ring rows r0, r1, r2 (see {@link #rowOne}). */
  private static void rowTwo(float[] ring, int r0, int r1, int r2, float[] w, int wq, float bias,
      float lo, float hi, float[] y, int yRow, int outW) {
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
    for (int ow = 0; ow < outW; ow += L) {
      int o = 2 * ow;
      FloatVector p0 = FloatVector.fromArray(S, ring, r0 + o);
      FloatVector p1 = FloatVector.fromArray(S, ring, r0 + o + L);
      FloatVector q0 = FloatVector.fromArray(S, ring, r0 + o + 2);
      FloatVector q1 = FloatVector.fromArray(S, ring, r0 + o + 2 + L);
      FloatVector a0 = w0.fma(pick(p0, p1, EVEN), vb);
      a0 = w1.fma(pick(p0, p1, ODD), a0);
      a0 = w2.fma(pick(q0, q1, EVEN), a0);
      p0 = FloatVector.fromArray(S, ring, r1 + o);
      p1 = FloatVector.fromArray(S, ring, r1 + o + L);
      q0 = FloatVector.fromArray(S, ring, r1 + o + 2);
      q1 = FloatVector.fromArray(S, ring, r1 + o + 2 + L);
      FloatVector a1 = w3.fma(pick(p0, p1, EVEN), zero);
      a1 = w4.fma(pick(p0, p1, ODD), a1);
      a1 = w5.fma(pick(q0, q1, EVEN), a1);
      p0 = FloatVector.fromArray(S, ring, r2 + o);
      p1 = FloatVector.fromArray(S, ring, r2 + o + L);
      q0 = FloatVector.fromArray(S, ring, r2 + o + 2);
      q1 = FloatVector.fromArray(S, ring, r2 + o + 2 + L);
      FloatVector a2 = w6.fma(pick(p0, p1, EVEN), zero);
      a2 = w7.fma(pick(p0, p1, ODD), a2);
      a2 = w8.fma(pick(q0, q1, EVEN), a2);
      FloatVector acc = a0.add(a1).add(a2).max(vlo).min(vhi);
      if (ow + L <= outW) {
        acc.intoArray(y, yRow + ow);
      } else {
        acc.intoArray(y, yRow + ow, S.indexInRange(ow, outW));
      }
    }
  }
}
