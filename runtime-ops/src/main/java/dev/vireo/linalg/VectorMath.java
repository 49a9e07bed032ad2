package dev.vireo.linalg;

/**
 * Float math over runs of arrays: transcendental functions, element-wise arithmetic and the row
 * operations of normalization layers. Every method reads {@code n} elements starting at the
 * given offsets and writes {@code n} elements of {@code dst}; {@code dst} may be the source array
 * at the same offset (in place), never an overlapping shifted range.
 *
 * <p>Two implementations: {@link ScalarVectorMath} (the reference and the fallback) and a SIMD
 * one in {@code dev.vireo.linalg.panama}; both evaluate the same polynomial approximations, whose
 * accuracy {@link ScalarVectorMath} documents. Callers go through the static entry points of
 * {@link VecMath}.
 */
public interface VectorMath {
  /** {@code e^x}; overflows to +Inf above about 88.72, gradual underflow to 0 below about -87.3. */
  void exp(float[] src, int so, float[] dst, int dso, int n);

  /** Natural logarithm: NaN for negative inputs, -Inf for ±0, +Inf for +Inf. */
  void log(float[] src, int so, float[] dst, int dso, int n);

  /** The error function. */
  void erf(float[] src, int so, float[] dst, int dso, int n);

  /** Hyperbolic tangent. */
  void tanh(float[] src, int so, float[] dst, int dso, int n);

  /** The logistic function {@code 1 / (1 + e^-x)}. */
  void sigmoid(float[] src, int so, float[] dst, int dso, int n);

  /** {@code 0.5·x·(1 + erf(x/√2))}, accurate in relative terms for negative x too. */
  void gelu(float[] src, int so, float[] dst, int dso, int n);

  /** The tanh approximation of Gelu, {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}. */
  void geluTanh(float[] src, int so, float[] dst, int dso, int n);

  /** {@code x > 0 ? x : 0}, NaN passing through. */
  void relu(float[] src, int so, float[] dst, int dso, int n);

  /** Square root. */
  void sqrt(float[] src, int so, float[] dst, int dso, int n);

  /** {@code x < 0 ? alpha·x : x}. */
  void leakyRelu(float[] src, int so, float[] dst, int dso, int n, float alpha);

  /** {@code max(lo, min(hi, x))}, NaN passing through. */
  void clip(float[] src, int so, float[] dst, int dso, int n, float lo, float hi);

  /** {@code x·mul + add}, rounded once (fused). */
  void scaleShift(float[] src, int so, float[] dst, int dso, int n, float mul, float add);

  /**
   * {@code dst[i] = a[i] op b[i]} for ADD, SUB, MUL, DIV, MAX and MIN (NaN-propagating max/min).
   *
   * @throws IllegalArgumentException for any other op
   */
  void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] dst, int dso, int n);

  /** {@code dst[i] = a[i] op s}, the ops of {@link #binary}. */
  void binaryScalar(BinaryOp op, float[] a, int ao, float s, float[] dst, int dso, int n);

  /** {@code dst[i] = s op b[i]}, the ops of {@link #binary}. */
  void scalarBinary(BinaryOp op, float s, float[] b, int bo, float[] dst, int dso, int n);

  /** Sum of the run (-0 for an empty run is not guaranteed: 0). */
  float sum(float[] a, int ao, int n);

  /** Largest element; NaN if any is NaN, -Inf for an empty run. */
  float max(float[] a, int ao, int n);

  /** Smallest element; NaN if any is NaN, +Inf for an empty run. */
  float min(float[] a, int ao, int n);

  /** {@code Σ (a[i] − c)²}. */
  float sumSquaredDiff(float[] a, int ao, int n, float c);

  /** Softmax of one contiguous row: {@code e^(x−max) / Σ e^(x−max)}. */
  void softmaxRow(float[] src, int so, float[] dst, int dso, int n);

  /** LogSoftmax of one contiguous row: {@code x − max − log Σ e^(x−max)}. */
  void logSoftmaxRow(float[] src, int so, float[] dst, int dso, int n);

  /**
   * {@code dst[i] = (x[i] − mean)·invStd·scale[i] + bias[i]}: the last step of LayerNormalization
   * with per-element scale and bias (bias may be null: none).
   */
  void normalizeRow(float[] src, int so, float[] dst, int dso, int n, float mean, float invStd,
      float[] scale, int sco, float[] bias, int bio);
}
