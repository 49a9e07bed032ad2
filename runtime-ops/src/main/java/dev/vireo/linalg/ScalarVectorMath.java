package dev.vireo.linalg;

/**
 * The scalar {@link VectorMath}: the fallback when SIMD is off, the reference the SIMD
 * implementation is tested against, and the scalar tail of its loops. The per-element functions
 * are public so that the SIMD loops finish with exactly the same formulas.
 *
 * <p>Accuracy, measured against double-precision references over dense sweeps of the float
 * range: {@link #exp} within 2 ulp (Cody–Waite reduction by ln 2, Cephes' degree-6 polynomial,
 * the power of two applied in two halves so that subnormal results round once); {@link #erf}
 * within 3e-7 relative ({@code x·P(x²)} for |x| &lt; 1, else {@code 1 − e^(−x²)·t·R(t)} with
 * {@code t = 2/(2+|x|)}, polynomials fitted for this library); {@link #tanh} within 3e-7
 * relative (odd polynomial below 0.625, {@code 1 − 2/(e^(2|x|)+1)} above); {@link #log} within 2
 * ulp (mantissa in [√½, √2), degree-8 polynomial of {@code f = m − 1}). Sigmoid and both Gelu
 * forms are built on these without cancellation: for negative inputs they use {@code e^x} and
 * {@code erfc} directly.
 */
public final class ScalarVectorMath implements VectorMath {
  /** Inputs of exp are clamped to [EXP_LO, EXP_HI]: beyond them the result is 0 or +Inf anyway. */
  public static final float EXP_LO = -150f;
  public static final float EXP_HI = 100f;
  public static final float LOG2E = 1.44269504088896341f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer. */
  public static final float ROUND_MAGIC = 12582912f;
  /** ln 2 split so that n·LN2_HI is exact for |n| &lt; 2⁹. */
  public static final float LN2_HI = 0.693359375f;
  public static final float LN2_LO = -2.12194440e-4f;
  public static final float[] EXP_P = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
      4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
  /** erf(x)/x as a polynomial of x² on [0, 1], highest power first. */
  public static final float[] ERF_SMALL = {7.898209878e-05f, -8.024353883e-04f, 5.190053489e-03f,
      -2.685480937e-02f, 1.128361225e-01f, -3.761262894e-01f, 1.128379226e+00f};
  /** The switch from the small-|x| erf polynomial to the erfc form. */
  public static final float ERF_SPLIT = 1f;
  /** erfc(x)·e^(x²)/t as a polynomial of t = 2/(2+x) for x ≥ 0.9, highest power first. */
  public static final float[] ERFC_R = {9.142319113e-02f, -2.208114713e-01f, 7.652281225e-02f,
      6.446085870e-02f, 1.776191592e-01f, 2.471888512e-01f, 2.820162475e-01f, 2.820994258e-01f};
  /** Beyond this |x| erfc is below 1e-44: clamping keeps e^(−x²) finite. */
  public static final float ERFC_CLAMP = 10f;
  /** ERFC_CLAMP·√2: Gelu's input beyond which erfc(|x|/√2) is clamped. */
  public static final float GELU_CLAMP = 14.142136f;
  /** (tanh(x) − x)/x³ as a polynomial of x² on [0, TANH_SPLIT], highest power first. */
  public static final float[] TANH_P = {-6.138999481e-03f, 2.103330940e-02f, -5.386101454e-02f,
      1.333287060e-01f, -3.333333135e-01f};
  public static final float TANH_SPLIT = 0.625f;
  /** (log1p(f) − f + f²/2)/f³ as a polynomial of f on [√½−1, √2−1], highest power first. */
  public static final float[] LOG_P = {6.862623245e-02f, -1.142238453e-01f, 1.169942245e-01f,
      -1.243480369e-01f, 1.424859613e-01f, -1.666738242e-01f, 2.000071853e-01f, -2.500000298e-01f,
      3.333333135e-01f};
  public static final float SQRT_HALF = 0.70710678118654752f;
  public static final float SQRT_2_OVER_PI = 0.7978845608028654f;
  public static final float GELU_CUBIC = 0.044715f;

  private static float poly(float[] c, float x) {
    float p = c[0];
    for (int k = 1; k < c.length; k++) {
      p = Math.fma(p, x, c[k]);
    }
    return p;
  }

  /** {@code e^x}, within 2 ulp. */
  public static float exp(float x) {
    x = Math.min(Math.max(x, EXP_LO), EXP_HI);
    float t = Math.fma(x, LOG2E, ROUND_MAGIC);
    float k = t - ROUND_MAGIC;
    int ki = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND_MAGIC);
    float r = x - k * LN2_HI - k * LN2_LO;
    float p = Math.fma(poly(EXP_P, r), r * r, r) + 1f;
    int k1 = ki >> 1;
    int k2 = ki - k1;
    return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k2 + 127) << 23);
  }

  /** {@code erfc(a)} for a ≥ ERF_SPLIT (or +Inf/NaN), within 4e-7 relative. */
  public static float erfcLarge(float a) {
    a = Math.min(a, ERFC_CLAMP);
    float h = a * a;
    return erfcLarge(a, h, Math.fma(a, a, -h));
  }

  /**
   * {@code erfc(a)} for a in [ERF_SPLIT, ERFC_CLAMP] given a² as the sum h + l (l the rounding
   * error of h): a caller that derives a from another value passes that value's exact square.
   */
  public static float erfcLarge(float a, float h, float l) {
    float t = 2f / (2f + a);
    float q = t * poly(ERFC_R, t);
    float e = exp(-h);
    // e^(−h−l) ≈ e^(−h)·(1 − l), as l is below 2⁻²⁴·h
    return Math.fma(-l, e, e) * q;
  }

  /** The error function, within 3e-7 relative. */
  public static float erf(float x) {
    float a = Math.abs(x);
    if (a < ERF_SPLIT) {
      return x * poly(ERF_SMALL, x * x);
    }
    return Math.copySign(1f - erfcLarge(a), x);
  }

  /** Hyperbolic tangent, within 3e-7 relative. */
  public static float tanh(float x) {
    float a = Math.abs(x);
    if (a < TANH_SPLIT) {
      float z = x * x;
      return Math.fma(x * z, poly(TANH_P, z), x);
    }
    return Math.copySign(1f - 2f / (exp(a + a) + 1f), x);
  }

  /** The logistic function, accurate in relative terms on both sides. */
  public static float sigmoid(float x) {
    float e = exp(-Math.abs(x));
    float s = 1f / (1f + e);
    return x >= 0 ? s : x < 0 ? e * s : x;
  }

  /** Gelu with erf, through erfc for negative x so that the small results keep their precision. */
  public static float gelu(float x) {
    float z = x * SQRT_HALF;
    float a = Math.abs(z);
    float onePlusErf;
    if (a < ERF_SPLIT) {
      onePlusErf = 1f + z * poly(ERF_SMALL, z * z);
    } else {
      // z² = x²/2 from x itself: the rounding of z would cost 2z² ulp in erfc
      float xc = Math.min(Math.abs(x), GELU_CLAMP);
      float h = xc * xc;
      float c = erfcLarge(Math.min(a, ERFC_CLAMP), 0.5f * h, 0.5f * Math.fma(xc, xc, -h));
      onePlusErf = x < 0 ? c : 2f - c;
    }
    return 0.5f * x * onePlusErf;
  }

  /** Gelu's tanh form, as {@code x·sigmoid(2u)} (the same value, without cancellation). */
  public static float geluTanh(float x) {
    float u = SQRT_2_OVER_PI * Math.fma(GELU_CUBIC * x, x * x, x);
    return x * sigmoid(u + u);
  }

  /** Natural logarithm, within 2 ulp. */
  public static float log(float x) {
    if (!(x > 0) || x == Float.POSITIVE_INFINITY) {
      return x == 0 ? Float.NEGATIVE_INFINITY : x == Float.POSITIVE_INFINITY ? x : Float.NaN;
    }
    int bias = 127;
    if (x < Float.MIN_NORMAL) {
      x *= 8388608f;
      bias += 23;
    }
    int bits = Float.floatToRawIntBits(x);
    // reduce to m in [√½, √2): pushing the split down by (1 − √½)'s bits moves the exponent step
    int adj = bits - 0x3f3504f3;
    int e = (adj >> 23) - (bias - 127);
    float m = Float.intBitsToFloat((adj & 0x007fffff) + 0x3f3504f3);
    float f = m - 1f;
    float f2 = f * f;
    float y = f2 * f * poly(LOG_P, f);
    float k = e;
    y = Math.fma(k, LN2_LO, y);
    y = Math.fma(-0.5f, f2, y);
    return Math.fma(k, LN2_HI, f + y);
  }

  /** Applies a binary op of {@link VectorMath#binary} to two floats. */
  public static float apply(BinaryOp op, float x, float y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case MAX -> Math.max(x, y);
      case MIN -> Math.min(x, y);
      default -> throw new IllegalArgumentException(op + " is not a VectorMath binary op");
    };
  }

  @Override
  public void exp(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = exp(src[so + i]);
  }

  @Override
  public void log(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = log(src[so + i]);
  }

  @Override
  public void erf(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = erf(src[so + i]);
  }

  @Override
  public void tanh(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = tanh(src[so + i]);
  }

  @Override
  public void sigmoid(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = sigmoid(src[so + i]);
  }

  @Override
  public void gelu(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = gelu(src[so + i]);
  }

  @Override
  public void geluTanh(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = geluTanh(src[so + i]);
  }

  @Override
  public void relu(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = Math.max(src[so + i], 0f);
  }

  @Override
  public void sqrt(float[] src, int so, float[] dst, int dso, int n) {
    for (int i = 0; i < n; i++) dst[dso + i] = (float) Math.sqrt(src[so + i]);
  }

  @Override
  public void leakyRelu(float[] src, int so, float[] dst, int dso, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float v = src[so + i];
      dst[dso + i] = v < 0 ? alpha * v : v;
    }
  }

  @Override
  public void clip(float[] src, int so, float[] dst, int dso, int n, float lo, float hi) {
    for (int i = 0; i < n; i++) dst[dso + i] = Math.min(Math.max(src[so + i], lo), hi);
  }

  @Override
  public void scaleShift(float[] src, int so, float[] dst, int dso, int n, float mul, float add) {
    for (int i = 0; i < n; i++) dst[dso + i] = Math.fma(src[so + i], mul, add);
  }

  @Override
  public void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] dst, int dso, int n) {
    apply(op, 0f, 0f);
    for (int i = 0; i < n; i++) dst[dso + i] = apply(op, a[ao + i], b[bo + i]);
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, int ao, float s, float[] dst, int dso, int n) {
    apply(op, 0f, 0f);
    for (int i = 0; i < n; i++) dst[dso + i] = apply(op, a[ao + i], s);
  }

  @Override
  public void scalarBinary(BinaryOp op, float s, float[] b, int bo, float[] dst, int dso, int n) {
    apply(op, 0f, 0f);
    for (int i = 0; i < n; i++) dst[dso + i] = apply(op, s, b[bo + i]);
  }

  @Override
  public float sum(float[] a, int ao, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) s += a[ao + i];
    return s;
  }

  @Override
  public float max(float[] a, int ao, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) m = Math.max(m, a[ao + i]);
    return m;
  }

  @Override
  public float min(float[] a, int ao, int n) {
    float m = Float.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) m = Math.min(m, a[ao + i]);
    return m;
  }

  @Override
  public float sumSquaredDiff(float[] a, int ao, int n, float c) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      float d = a[ao + i] - c;
      s = Math.fma(d, d, s);
    }
    return s;
  }

  @Override
  public void softmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    float m = max(src, so, n);
    float s = 0f;
    for (int i = 0; i < n; i++) {
      float e = exp(src[so + i] - m);
      dst[dso + i] = e;
      s += e;
    }
    float inv = 1f / s;
    for (int i = 0; i < n; i++) dst[dso + i] *= inv;
  }

  @Override
  public void logSoftmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    float m = max(src, so, n);
    float s = 0f;
    for (int i = 0; i < n; i++) s += exp(src[so + i] - m);
    float shift = m + log(s);
    for (int i = 0; i < n; i++) dst[dso + i] = src[so + i] - shift;
  }

  @Override
  public void normalizeRow(float[] src, int so, float[] dst, int dso, int n, float mean, float invStd,
      float[] scale, int sco, float[] bias, int bio) {
    for (int i = 0; i < n; i++) {
      float t = (src[so + i] - mean) * invStd * scale[sco + i];
      dst[dso + i] = bias == null ? t : t + bias[bio + i];
    }
  }
}
