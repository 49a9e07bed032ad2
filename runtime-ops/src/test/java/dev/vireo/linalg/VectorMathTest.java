package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link VectorMath} in use (SIMD in the vector runs) against {@link ScalarVectorMath} at
 * edge lengths, with offsets, random data and special values.
 */
class VectorMathTest {
  /** Same formulas: equal up to the rounding of a reordered sum. */
  static final int ULPS = 2;
  /** Softmax rows: the sum of a row is accumulated in a different order. */
  static final int ROW_ULPS = 16;
  /** Relative bound for reductions whose summation order differs. */
  static final float SUM_CLOSE = 1e-5f;

  private static final VectorMath V = VecMath.impl();
  private static final VectorMath REF = new ScalarVectorMath();
  private static final int L = 16;
  private static final int[] SIZES = {0, 1, 3, L / 4 - 1, L / 4, L / 4 + 1, L / 2 + 1, L - 1, L, L + 1,
      2 * L + 3, 4 * L, 100, 1000, 4099};
  private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f,
      -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f,
      0.625f, -0.625f, 0.99999994f, 1.0000001f, 88.7f, 89f, -87.4f, -103f, -104f, 1e-30f, 3.5f, -9.5f};

  private interface Fn {
    void apply(VectorMath m, float[] src, int so, float[] dst, int dso, int n);
  }

  private static float[] data(int n, long seed, float scale) {
    Random r = new Random(seed);
    float[] a = new float[n + 5];
    for (int i = 0; i < a.length; i++) {
      // small and large magnitudes interleaved: both sides of every range split in one vector
      a[i] = (float) (r.nextGaussian() * (i % 2 == 0 ? scale : 40 * scale));
      if (r.nextInt(8) == 0) {
        a[i] = SPECIAL[r.nextInt(SPECIAL.length)];
      }
    }
    return a;
  }

  private static void assertClose(float[] got, float[] want, String what) {
    assertClose(got, want, what, ULPS);
  }

  private static void assertClose(float[] got, float[] want, String what, int ulps) {
    for (int i = 0; i < want.length; i++) {
      float g = got[i];
      float w = want[i];
      if (Float.isNaN(w)) {
        assertThat(g).as("%s [%d]", what, i).isNaN();
      } else if (Float.isInfinite(w)) {
        assertThat(g).as("%s [%d]", what, i).isEqualTo(w);
      } else {
        assertThat(Math.abs(g - w)).as("%s [%d]: %s vs %s", what, i, g, w).isLessThanOrEqualTo(ulps * Math.ulp(w));
      }
    }
  }

  private static void check(String name, Fn f) {
    check(name, f, ULPS);
  }

  private static void check(String name, Fn f, int ulps) {
    for (float scale : new float[] {1f}) {
      for (int n : SIZES) {
        float[] src = data(n, n * 31L + (long) scale, scale);
        float[] want = new float[n + 7];
        float[] got = new float[n + 7];
        f.apply(REF, src, 3, want, 2, n);
        f.apply(V, src, 3, got, 2, n);
        assertClose(got, want, name + " n=" + n + " scale=" + scale, ulps);
        // in place
        float[] copy = src.clone();
        f.apply(V, copy, 3, copy, 3, n);
        assertClose(Arrays.copyOfRange(copy, 3, 3 + n), Arrays.copyOfRange(want, 2, 2 + n), name + " in place", ulps);
      }
    }
  }

  @Test
  void transcendentalsMatchTheReference() {
    check("exp", VectorMath::exp);
    check("log", VectorMath::log);
    check("erf", VectorMath::erf);
    check("tanh", VectorMath::tanh);
    check("sigmoid", VectorMath::sigmoid);
    check("gelu", VectorMath::gelu);
    check("geluTanh", VectorMath::geluTanh);
  }

  @Test
  void simpleFunctionsMatchTheReference() {
    check("relu", VectorMath::relu);
    check("sqrt", VectorMath::sqrt);
    check("leakyRelu", (m, s, so, d, dso, n) -> m.leakyRelu(s, so, d, dso, n, 0.1f));
    check("clip", (m, s, so, d, dso, n) -> m.clip(s, so, d, dso, n, -1.5f, 2f));
    check("scaleShift", (m, s, so, d, dso, n) -> m.scaleShift(s, so, d, dso, n, 0.3f, -2f));
    check("softmaxRow", VectorMath::softmaxRow, ROW_ULPS);
    check("logSoftmaxRow", VectorMath::logSoftmaxRow, ROW_ULPS);
  }

  @Test
  void binaryOpsMatchTheReference() {
    for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAX,
        BinaryOp.MIN}) {
      float[] b = data(5000, 99, 2f);
      check(op + " vector", (m, s, so, d, dso, n) -> m.binary(op, s, so, b, 1, d, dso, n));
      check(op + " scalar right", (m, s, so, d, dso, n) -> m.binaryScalar(op, s, so, 0.7f, d, dso, n));
      check(op + " scalar left", (m, s, so, d, dso, n) -> m.scalarBinary(op, -1.3f, s, so, d, dso, n));
    }
    assertThatThrownBy(() -> V.binary(BinaryOp.POW, new float[1], 0, new float[1], 0, new float[1], 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reductionsMatchTheReference() {
    for (int n : SIZES) {
      float[] a = new float[n + 3];
      Random r = new Random(n);
      for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
      assertThat(V.max(a, 2, n)).isEqualTo(REF.max(a, 2, n));
      assertThat(V.min(a, 2, n)).isEqualTo(REF.min(a, 2, n));
      float bound = SUM_CLOSE * (n + 1);
      assertThat(V.sum(a, 2, n)).isCloseTo(REF.sum(a, 2, n), org.assertj.core.data.Offset.offset(bound));
      assertThat(V.sumSquaredDiff(a, 2, n, 0.25f))
          .isCloseTo(REF.sumSquaredDiff(a, 2, n, 0.25f), org.assertj.core.data.Offset.offset(bound));
      float[] scale = data(n, 5, 1f);
      float[] bias = data(n, 6, 1f);
      for (int i = 0; i < scale.length; i++) {
        scale[i] = Float.isFinite(scale[i]) ? scale[i] : 1f;
      }
      float[] want = new float[n];
      float[] got = new float[n];
      REF.normalizeRow(a, 2, want, 0, n, 0.1f, 1.7f, scale, 1, bias, 2);
      V.normalizeRow(a, 2, got, 0, n, 0.1f, 1.7f, scale, 1, bias, 2);
      assertClose(got, want, "normalizeRow n=" + n);
    }
    float[] withNaN = {1f, 2f, Float.NaN, 3f, 1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f};
    assertThat(V.max(withNaN, 0, withNaN.length)).isNaN();
    assertThat(V.min(withNaN, 0, withNaN.length)).isNaN();
    assertThat(V.max(withNaN, 0, 0)).isEqualTo(Float.NEGATIVE_INFINITY);
  }

  @Test
  void layerNormRowNormalizesToScaleAndBias() {
    float[] x = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f, 13f, 14f, 15f, 16f, 17f, 18f, 19f, 20f};
    float[] scale = new float[x.length];
    float[] bias = new float[x.length];
    Arrays.fill(scale, 2f);
    Arrays.fill(bias, 1f);
    float[] y = new float[x.length];
    float inv = VecMath.layerNormRow(x, 0, y, 0, x.length, scale, 0, bias, 0, 0f);
    // mean 10.5, variance (n²−1)/12 = 33.25
    assertThat(inv).isCloseTo((float) (1 / Math.sqrt(33.25)), org.assertj.core.data.Offset.offset(1e-6f));
    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).isCloseTo((float) ((x[i] - 10.5) / Math.sqrt(33.25) * 2 + 1),
          org.assertj.core.data.Offset.offset(1e-5f));
    }
  }
}
