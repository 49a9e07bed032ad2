package dev.vireo.linalg;

/**
 * Static entry points to the {@link VectorMath} in use: the SIMD implementation when
 * {@link Vectorization} enables it, else {@link ScalarVectorMath}. Fused kernels call these on
 * float arrays with offsets; the element-wise, softmax and normalization kernels are built on
 * them. Each method's contract is that of the {@link VectorMath} method of the same name.
 */
public final class VecMath {
  private static final VectorMath IMPL = choose();

  private VecMath() {}

  private static VectorMath choose() {
    VectorMath v = Vectorization.load("dev.vireo.linalg.panama.PanamaVectorMath", VectorMath.class);
    return v != null ? v : new ScalarVectorMath();
  }

  /** The implementation in use. */
  public static VectorMath impl() {
    return IMPL;
  }

  public static void exp(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.exp(src, so, dst, dso, n);
  }

  public static void log(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.log(src, so, dst, dso, n);
  }

  public static void erf(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.erf(src, so, dst, dso, n);
  }

  public static void tanh(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.tanh(src, so, dst, dso, n);
  }

  public static void sigmoid(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.sigmoid(src, so, dst, dso, n);
  }

  public static void gelu(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.gelu(src, so, dst, dso, n);
  }

  public static void geluTanh(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.geluTanh(src, so, dst, dso, n);
  }

  public static void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] dst, int dso, int n) {
    IMPL.binary(op, a, ao, b, bo, dst, dso, n);
  }

  public static void binaryScalar(BinaryOp op, float[] a, int ao, float s, float[] dst, int dso, int n) {
    IMPL.binaryScalar(op, a, ao, s, dst, dso, n);
  }

  public static void scalarBinary(BinaryOp op, float s, float[] b, int bo, float[] dst, int dso, int n) {
    IMPL.scalarBinary(op, s, b, bo, dst, dso, n);
  }

  public static void scaleShift(float[] src, int so, float[] dst, int dso, int n, float mul, float add) {
    IMPL.scaleShift(src, so, dst, dso, n, mul, add);
  }

  public static float sum(float[] a, int ao, int n) {
    return IMPL.sum(a, ao, n);
  }

  public static float max(float[] a, int ao, int n) {
    return IMPL.max(a, ao, n);
  }

  public static void softmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.softmaxRow(src, so, dst, dso, n);
  }

  public static void logSoftmaxRow(float[] src, int so, float[] dst, int dso, int n) {
    IMPL.logSoftmaxRow(src, so, dst, dso, n);
  }

  /**
   * {@code x[xo + r·cols + j] += bias[bo + j]} for each of {@code rows} rows: a bias added in
   * place along the last dim.
   */
  public static void addBias(float[] x, int xo, int rows, int cols, float[] bias, int bo) {
    for (int r = 0; r < rows; r++) {
      int o = xo + r * cols;
      IMPL.binary(BinaryOp.ADD, x, o, bias, bo, x, o, cols);
    }
  }

  /**
   * LayerNormalization of one contiguous row of {@code n} elements: mean and variance of the
   * row, then {@code (x − mean)/√(var + eps)·scale + bias} (bias may be null). Returns the
   * inverse standard deviation; the mean is {@code sum(src, so, n) / n}.
   */
  public static float layerNormRow(float[] src, int so, float[] dst, int dso, int n,
      float[] scale, int sco, float[] bias, int bio, float eps) {
    float mean = IMPL.sum(src, so, n) / n;
    float invStd = (float) (1.0 / Math.sqrt(IMPL.sumSquaredDiff(src, so, n, mean) / n + eps));
    IMPL.normalizeRow(src, so, dst, dso, n, mean, invStd, scale, sco, bias, bio);
    return invStd;
  }

  /**
   * Applies a {@link UnaryOp} to {@code n} floats when this library implements it (returns
   * true), else does nothing and returns false (the caller falls back to {@link UnaryOp#apply}).
   */
  public static boolean unary(UnaryOp op, float[] src, int so, float[] dst, int dso, int n) {
    switch (op) {
      case EXP -> IMPL.exp(src, so, dst, dso, n);
      case LOG -> IMPL.log(src, so, dst, dso, n);
      case ERF -> IMPL.erf(src, so, dst, dso, n);
      case TANH -> IMPL.tanh(src, so, dst, dso, n);
      case SIGMOID -> IMPL.sigmoid(src, so, dst, dso, n);
      case GELU -> IMPL.gelu(src, so, dst, dso, n);
      case GELU_TANH -> IMPL.geluTanh(src, so, dst, dso, n);
      case RELU -> IMPL.relu(src, so, dst, dso, n);
      case SQRT -> IMPL.sqrt(src, so, dst, dso, n);
      case RECIPROCAL -> IMPL.scalarBinary(BinaryOp.DIV, 1f, src, so, dst, dso, n);
      default -> {
        return false;
      }
    }
    return true;
  }
}
