package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The approximations of {@link ScalarVectorMath} against double-precision references over dense
 * sweeps, and their special values. The SIMD implementation evaluates the same formulas
 * ({@link VectorMathTest}).
 */
class ScalarVectorMathTest {
  /** Relative error bound of exp and log: about 2 ulp. */
  static final double ULP2 = 2.4e-7;
  /** Relative error bound of erf, tanh, sigmoid and the Gelu forms. */
  static final double CLOSE = 5e-7;
  /** Relative error bound of erf-form Gelu, whose negative tail is 0.5·x·erfc(|x|/√2). */
  static final double GELU_TAIL = 1e-6;

  private interface FloatFn {
    float apply(float x);
  }

  /** Largest relative error of f over [lo, hi] in steps, ignoring references below tiny. */
  private static double maxRelError(FloatFn f, DoubleUnaryOperator ref, double lo, double hi, int steps,
      double tiny) {
    double worst = 0;
    for (int i = 0; i <= steps; i++) {
      float x = (float) (lo + (hi - lo) * i / steps);
      double want = ref.applyAsDouble(x);
      if (Math.abs(want) < tiny || Double.isInfinite(want)) {
        continue;
      }
      worst = Math.max(worst, Math.abs(f.apply(x) - want) / Math.abs(want));
    }
    return worst;
  }

  private static double gelu(double x) {
    // 0.5·x·erfc(−x/√2), with erfc from the double erf for |z| small and 1 − erf otherwise
    return 0.5 * x * (1 + UnaryOp.erf(x / Math.sqrt(2)));
  }

  @Test
  void expIsWithinTwoUlp() {
    assertThat(maxRelError(ScalarVectorMath::exp, Math::exp, -87, 88.7, 400_001, 0)).isLessThan(ULP2);
    assertThat(maxRelError(ScalarVectorMath::exp, Math::exp, -1, 1, 100_001, 0)).isLessThan(ULP2);
  }

  @Test
  void expSpecialValues() {
    assertThat(ScalarVectorMath.exp(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.exp(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(ScalarVectorMath.exp(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
    assertThat(ScalarVectorMath.exp(89f)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(ScalarVectorMath.exp(0f)).isEqualTo(1f);
    // subnormal results: e^-100 = 3.72e-44, 26 or 27 times MIN_VALUE
    assertThat(ScalarVectorMath.exp(-100f)).isBetween(25 * Float.MIN_VALUE, 28 * Float.MIN_VALUE);
    assertThat(ScalarVectorMath.exp(-104f)).isEqualTo(0f);
    assertThat(ScalarVectorMath.exp(Float.MIN_VALUE)).isEqualTo(1f);
  }

  @Test
  void erfIsClose() {
    assertThat(maxRelError(ScalarVectorMath::erf, UnaryOp::erf, -6, 6, 400_001, 0)).isLessThan(CLOSE);
    assertThat(maxRelError(ScalarVectorMath::erf, UnaryOp::erf, -1e-3, 1e-3, 10_001, 0)).isLessThan(CLOSE);
    assertThat(ScalarVectorMath.erf(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.erf(Float.POSITIVE_INFINITY)).isEqualTo(1f);
    assertThat(ScalarVectorMath.erf(Float.NEGATIVE_INFINITY)).isEqualTo(-1f);
    assertThat(ScalarVectorMath.erf(-0f)).isEqualTo(-0f);
    assertThat(ScalarVectorMath.erf(1e-40f)).isEqualTo((float) (1e-40f * 2 / Math.sqrt(Math.PI)));
    assertThat(ScalarVectorMath.erf(1e6f)).isEqualTo(1f);
  }

  @Test
  void tanhAndSigmoidAreClose() {
    assertThat(maxRelError(ScalarVectorMath::tanh, Math::tanh, -12, 12, 400_001, 0)).isLessThan(CLOSE);
    assertThat(maxRelError(ScalarVectorMath::tanh, Math::tanh, -1e-3, 1e-3, 10_001, 0)).isLessThan(CLOSE);
    assertThat(ScalarVectorMath.tanh(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.tanh(Float.POSITIVE_INFINITY)).isEqualTo(1f);
    assertThat(ScalarVectorMath.tanh(-1e30f)).isEqualTo(-1f);
    assertThat(ScalarVectorMath.tanh(1e-40f)).isEqualTo(1e-40f);
    DoubleUnaryOperator sigmoid = x -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    assertThat(maxRelError(ScalarVectorMath::sigmoid, sigmoid, -100, 30, 400_001, 1e-37)).isLessThan(CLOSE);
    assertThat(ScalarVectorMath.sigmoid(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.sigmoid(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
    assertThat(ScalarVectorMath.sigmoid(Float.POSITIVE_INFINITY)).isEqualTo(1f);
  }

  @Test
  void geluFormsAreClose() {
    // beyond −8 the double reference itself cancels (1 + erf); −8..8 covers what the bound claims
    assertThat(maxRelError(ScalarVectorMath::gelu, ScalarVectorMathTest::gelu, -5, 8, 400_001, 1e-30))
        .isLessThan(GELU_TAIL);
    DoubleUnaryOperator geluTanh = x -> {
      double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
      return x / (1 + Math.exp(-2 * u));
    };
    assertThat(maxRelError(ScalarVectorMath::geluTanh, geluTanh, -9, 9, 400_001, 1e-30)).isLessThan(CLOSE);
    assertThat(ScalarVectorMath.gelu(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.gelu(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(ScalarVectorMath.gelu(-20f)).isEqualTo(-0f);
    assertThat(ScalarVectorMath.geluTanh(Float.NaN)).isNaN();
  }

  @Test
  void logIsWithinTwoUlp() {
    assertThat(maxRelError(ScalarVectorMath::log, Math::log, 1e-3, 1e3, 400_001, 0)).isLessThan(ULP2);
    assertThat(maxRelError(ScalarVectorMath::log, Math::log, 0.5, 2, 400_001, 1e-6)).isLessThan(ULP2);
    float sub = 3 * Float.MIN_VALUE;
    assertThat(ScalarVectorMath.log(sub)).isCloseTo((float) Math.log(sub), org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(ScalarVectorMath.log(Float.MAX_VALUE)).isEqualTo((float) Math.log(Float.MAX_VALUE));
    assertThat(ScalarVectorMath.log(1f)).isEqualTo(0f);
    assertThat(ScalarVectorMath.log(0f)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(ScalarVectorMath.log(-0f)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(ScalarVectorMath.log(-1f)).isNaN();
    assertThat(ScalarVectorMath.log(Float.NaN)).isNaN();
    assertThat(ScalarVectorMath.log(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
  }
}
