package dev.vireo.linalg.panama;

import static dev.vireo.linalg.ScalarVectorMath.ERFC_CLAMP;
import static dev.vireo.linalg.ScalarVectorMath.ERFC_R;
import static dev.vireo.linalg.ScalarVectorMath.ERF_SMALL;
import static dev.vireo.linalg.ScalarVectorMath.ERF_SPLIT;
import static dev.vireo.linalg.ScalarVectorMath.EXP_HI;
import static dev.vireo.linalg.ScalarVectorMath.EXP_LO;
import static dev.vireo.linalg.ScalarVectorMath.EXP_P;
import static dev.vireo.linalg.ScalarVectorMath.GELU_CLAMP;
import static dev.vireo.linalg.ScalarVectorMath.GELU_CUBIC;
import static dev.vireo.linalg.ScalarVectorMath.LN2_HI;
import static dev.vireo.linalg.ScalarVectorMath.LN2_LO;
import static dev.vireo.linalg.ScalarVectorMath.LOG2E;
import static dev.vireo.linalg.ScalarVectorMath.LOG_P;
import static dev.vireo.linalg.ScalarVectorMath.ROUND_MAGIC;
import static dev.vireo.linalg.ScalarVectorMath.SQRT_2_OVER_PI;
import static dev.vireo.linalg.ScalarVectorMath.SQRT_HALF;
import static dev.vireo.linalg.ScalarVectorMath.TANH_P;
import static dev.vireo.linalg.ScalarVectorMath.TANH_SPLIT;

import dev.vireo.linalg.ScalarVectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transcendental functions of {@link dev.vireo.linalg.VectorMath} on the Vector API: the
 * polynomials and reductions of {@link ScalarVectorMath}, evaluated lane-wise, with both sides of
 * each range split computed and blended. Loops finish with the scalar formulas, so a result does
 * not depend on an element's position.
 */
public final class PanamaVectorMath extends PanamaVectorArith {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
  private static final int L = S.length();

  private static FloatVector c(float v) {
    return FloatVector.broadcast(S, v);
  }

  private static FloatVector poly(float[] k, FloatVector x) {
    FloatVector p = c(k[0]);
    for (int j = 1; j < k.length; j++) {
      p = p.fma(x, c(k[j]));
    }
    return p;
  }

  static FloatVector exp(FloatVector x) {
    x = x.max(EXP_LO).min(EXP_HI);
    FloatVector t = x.fma(c(LOG2E), c(ROUND_MAGIC));
    FloatVector k = t.sub(ROUND_MAGIC);
    IntVector ki = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUND_MAGIC));
    FloatVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
    FloatVector p = poly(EXP_P, r).fma(r.mul(r), r).add(1f);
    IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
    IntVector k2 = ki.sub(k1);
    FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return p.mul(s1).mul(s2);
  }

  private static FloatVector erfcLarge(FloatVector a) {
    a = a.min(ERFC_CLAMP);
    FloatVector h = a.mul(a);
    return erfcLarge(a, h, a.fma(a, h.neg()));
  }

  private static FloatVector erfcLarge(FloatVector a, FloatVector h, FloatVector l) {
    FloatVector t = c(2f).div(a.add(2f));
    FloatVector q = t.mul(poly(ERFC_R, t));
    FloatVector e = exp(h.neg());
    return l.neg().fma(e, e).mul(q);
  }

  static FloatVector erf(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector small = x.mul(poly(ERF_SMALL, x.mul(x)));
    FloatVector large = c(1f).sub(erfcLarge(a));
    large = large.blend(large.neg(), x.lt(0f));
    return large.blend(small, a.lt(ERF_SPLIT));
  }

  static FloatVector tanh(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector z = x.mul(x);
    FloatVector small = x.mul(z).fma(poly(TANH_P, z), x);
    FloatVector large = c(1f).sub(c(2f).div(exp(a.add(a)).add(1f)));
    large = large.blend(large.neg(), x.lt(0f));
    return large.blend(small, a.lt(TANH_SPLIT));
  }

  static FloatVector sigmoid(FloatVector x) {
    FloatVector e = exp(x.abs().neg());
    FloatVector s = c(1f).div(e.add(1f));
    return s.blend(e.mul(s), x.lt(0f));
  }

  static FloatVector gelu(FloatVector x) {
    FloatVector z = x.mul(SQRT_HALF);
    FloatVector a = z.abs();
    FloatVector small = z.mul(poly(ERF_SMALL, z.mul(z))).add(1f);
    FloatVector xc = x.abs().min(GELU_CLAMP);
    FloatVector h = xc.mul(xc);
    FloatVector ec = erfcLarge(a.min(ERFC_CLAMP), h.mul(0.5f), xc.fma(xc, h.neg()).mul(0.5f));
    FloatVector large = c(2f).sub(ec).blend(ec, x.lt(0f));
    return x.mul(0.5f).mul(large.blend(small, a.lt(ERF_SPLIT)));
  }

  static FloatVector geluTanh(FloatVector x) {
    FloatVector u = x.mul(GELU_CUBIC).fma(x.mul(x), x).mul(SQRT_2_OVER_PI);
    return x.mul(sigmoid(u.add(u)));
  }

  static FloatVector log(FloatVector x) {
    VectorMask<Float> sub = x.lt(Float.MIN_NORMAL);
    FloatVector xs = x.blend(x.mul(8388608f), sub);
    IntVector adj = xs.reinterpretAsInts().sub(0x3f3504f3);
    IntVector e = adj.lanewise(VectorOperators.ASHR, 23)
        .sub(IntVector.zero(I).blend(23, sub.cast(I)));
    FloatVector m = adj.and(0x007fffff).add(0x3f3504f3).reinterpretAsFloats();
    FloatVector f = m.sub(1f);
    FloatVector f2 = f.mul(f);
    FloatVector y = f2.mul(f).mul(poly(LOG_P, f));
    FloatVector k = (FloatVector) e.convert(VectorOperators.I2F, 0);
    y = k.fma(c(LN2_LO), y);
    y = f2.fma(c(-0.5f), y);
    FloatVector r = k.fma(c(LN2_HI), f.add(y));
    // specials: NaN and negatives give NaN, ±0 gives -Inf, +Inf stays
    r = r.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
    r = r.blend(Float.NaN, x.lt(0f).or(x.test(VectorOperators.IS_NAN)));
    return r.blend(x, x.eq(Float.POSITIVE_INFINITY));
  }

  @Override
  public void exp(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      exp(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.exp(src[so + i]);
  }

  @Override
  public void log(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      log(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.log(src[so + i]);
  }

  @Override
  public void erf(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      erf(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.erf(src[so + i]);
  }

  @Override
  public void tanh(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      tanh(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.tanh(src[so + i]);
  }

  @Override
  public void sigmoid(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      sigmoid(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.sigmoid(src[so + i]);
  }

  @Override
  public void gelu(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      gelu(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.gelu(src[so + i]);
  }

  @Override
  public void geluTanh(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      geluTanh(FloatVector.fromArray(S, src, so + i)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.geluTanh(src[so + i]);
  }

  @Override
  public void softmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    float m = max(src, so, n);
    FloatVector vm = c(m);
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      FloatVector e = exp(FloatVector.fromArray(S, src, so + i).sub(vm));
      e.intoArray(dst, dso + i);
      acc = acc.add(e);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float e = ScalarVectorMath.exp(src[so + i] - m);
      dst[dso + i] = e;
      s += e;
    }
    scaleShift(dst, dso, dst, dso, n, 1f / s, 0f);
  }

  @Override
  public void logSoftmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    float m = max(src, so, n);
    FloatVector vm = c(m);
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      acc = acc.add(exp(FloatVector.fromArray(S, src, so + i).sub(vm)));
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) s += ScalarVectorMath.exp(src[so + i] - m);
    binaryScalar(dev.vireo.linalg.BinaryOp.SUB, src, so, m + ScalarVectorMath.log(s), dst, dso, n);
  }
}
