package dev.vireo.linalg.panama;

import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.ScalarVectorMath;
import dev.vireo.linalg.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The arithmetic, reductions and row normalization of {@link VectorMath} on the Vector API. Each
 * binary op has its own loop (an operator passed as a value would not be intrinsified).
 */
abstract class PanamaVectorArith implements VectorMath {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int o) {
    return FloatVector.fromArray(S, a, o);
  }

  @Override
  public void relu(float[] src, int so, float[] dst, int dso, int n) {
    clip(src, so, dst, dso, n, 0f, Float.POSITIVE_INFINITY);
  }

  @Override
  public void sqrt(float[] src, int so, float[] dst, int dso, int n) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      load(src, so + i).sqrt().intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = (float) Math.sqrt(src[so + i]);
  }

  @Override
  public void leakyRelu(float[] src, int so, float[] dst, int dso, int n, float alpha) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      FloatVector v = load(src, so + i);
      v.blend(v.mul(alpha), v.lt(0f)).intoArray(dst, dso + i);
    }
    for (; i < n; i++) {
      float v = src[so + i];
      dst[dso + i] = v < 0 ? alpha * v : v;
    }
  }

  @Override
  public void clip(float[] src, int so, float[] dst, int dso, int n, float lo, float hi) {
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      load(src, so + i).max(lo).min(hi).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = Math.min(Math.max(src[so + i], lo), hi);
  }

  @Override
  public void scaleShift(float[] src, int so, float[] dst, int dso, int n, float mul, float add) {
    FloatVector vm = FloatVector.broadcast(S, mul);
    FloatVector va = FloatVector.broadcast(S, add);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      load(src, so + i).fma(vm, va).intoArray(dst, dso + i);
    }
    for (; i < n; i++) dst[dso + i] = Math.fma(src[so + i], mul, add);
  }

  @Override
  public void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] dst, int dso, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    switch (op) {
      case ADD -> { for (; i < bound; i += L) load(a, ao + i).add(load(b, bo + i)).intoArray(dst, dso + i); }
      case SUB -> { for (; i < bound; i += L) load(a, ao + i).sub(load(b, bo + i)).intoArray(dst, dso + i); }
      case MUL -> { for (; i < bound; i += L) load(a, ao + i).mul(load(b, bo + i)).intoArray(dst, dso + i); }
      case DIV -> { for (; i < bound; i += L) load(a, ao + i).div(load(b, bo + i)).intoArray(dst, dso + i); }
      case MAX -> { for (; i < bound; i += L) load(a, ao + i).max(load(b, bo + i)).intoArray(dst, dso + i); }
      case MIN -> { for (; i < bound; i += L) load(a, ao + i).min(load(b, bo + i)).intoArray(dst, dso + i); }
      default -> throw new IllegalArgumentException(op + " is not a VectorMath binary op");
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.apply(op, a[ao + i], b[bo + i]);
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, int ao, float s, float[] dst, int dso, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    FloatVector v = FloatVector.broadcast(S, s);
    switch (op) {
      case ADD -> { for (; i < bound; i += L) load(a, ao + i).add(v).intoArray(dst, dso + i); }
      case SUB -> { for (; i < bound; i += L) load(a, ao + i).sub(v).intoArray(dst, dso + i); }
      case MUL -> { for (; i < bound; i += L) load(a, ao + i).mul(v).intoArray(dst, dso + i); }
      case DIV -> { for (; i < bound; i += L) load(a, ao + i).div(v).intoArray(dst, dso + i); }
      case MAX -> { for (; i < bound; i += L) load(a, ao + i).max(v).intoArray(dst, dso + i); }
      case MIN -> { for (; i < bound; i += L) load(a, ao + i).min(v).intoArray(dst, dso + i); }
      default -> throw new IllegalArgumentException(op + " is not a VectorMath binary op");
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.apply(op, a[ao + i], s);
  }

  @Override
  public void scalarBinary(BinaryOp op, float s, float[] b, int bo, float[] dst, int dso, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    FloatVector v = FloatVector.broadcast(S, s);
    switch (op) {
      case ADD -> { for (; i < bound; i += L) v.add(load(b, bo + i)).intoArray(dst, dso + i); }
      case SUB -> { for (; i < bound; i += L) v.sub(load(b, bo + i)).intoArray(dst, dso + i); }
      case MUL -> { for (; i < bound; i += L) v.mul(load(b, bo + i)).intoArray(dst, dso + i); }
      case DIV -> { for (; i < bound; i += L) v.div(load(b, bo + i)).intoArray(dst, dso + i); }
      case MAX -> { for (; i < bound; i += L) v.max(load(b, bo + i)).intoArray(dst, dso + i); }
      case MIN -> { for (; i < bound; i += L) v.min(load(b, bo + i)).intoArray(dst, dso + i); }
      default -> throw new IllegalArgumentException(op + " is not a VectorMath binary op");
    }
    for (; i < n; i++) dst[dso + i] = ScalarVectorMath.apply(op, s, b[bo + i]);
  }

  @Override
  public float sum(float[] a, int ao, int n) {
    FloatVector acc0 = FloatVector.zero(S);
    FloatVector acc1 = FloatVector.zero(S);
    int i = 0;
    // main loop
    for (int b = n - 2 * L; i <= b; i += 2 * L) {
      acc0 = acc0.add(load(a, ao + i));
      acc1 = acc1.add(load(a, ao + i + L));
    }
    // vector tail
    for (int b = S.loopBound(n); i < b; i += L) {
      acc0 = acc0.add(load(a, ao + i));
    }
    // reduce
    float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    // scalar tail
    for (; i < n; i++) s += a[ao + i];
    return s;
  }

  @Override
  public float max(float[] a, int ao, int n) {
    FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      acc = acc.max(load(a, ao + i));
    }
    float m = acc.reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) m = Math.max(m, a[ao + i]);
    return m;
  }

  @Override
  public float min(float[] a, int ao, int n) {
    FloatVector acc = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      acc = acc.min(load(a, ao + i));
    }
    float m = acc.reduceLanes(VectorOperators.MIN);
    for (; i < n; i++) m = Math.min(m, a[ao + i]);
    return m;
  }

  @Override
  public float sumSquaredDiff(float[] a, int ao, int n, float c) {
    FloatVector vc = FloatVector.broadcast(S, c);
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int b = S.loopBound(n); i < b; i += L) {
      FloatVector d = load(a, ao + i).sub(vc);
      acc = d.fma(d, acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float d = a[ao + i] - c;
      s = Math.fma(d, d, s);
    }
    return s;
  }

  @Override
  public void normalizeRow(float[] src, int so, float[] dst, int dso, int n, float mean, float invStd,
      float[] scale, int sco, float[] bias, int bio) {
    FloatVector vm = FloatVector.broadcast(S, mean);
    FloatVector vi = FloatVector.broadcast(S, invStd);
    int i = 0;
    int bound = S.loopBound(n);
    if (bias == null) {
      for (; i < bound; i += L) {
        load(src, so + i).sub(vm).mul(vi).mul(load(scale, sco + i)).intoArray(dst, dso + i);
      }
    } else {
      for (; i < bound; i += L) {
        FloatVector t = load(src, so + i).sub(vm).mul(vi).mul(load(scale, sco + i));
        t.add(load(bias, bio + i)).intoArray(dst, dso + i);
      }
    }
    for (; i < n; i++) {
      float t = (src[so + i] - mean) * invStd * scale[sco + i];
      dst[dso + i] = bias == null ? t : t + bias[bio + i];
    }
  }
}
