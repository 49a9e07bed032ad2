package dev.vireo.kernel.transformer;

/**
 * The scalar Gelu functions the transformer kernels share, in float with a float-accurate erf
 * (no series: the activation runs over every element of the feed-forward layer).
 */
final class GeluMath {
  private static final float INV_SQRT2 = 0.70710678118654752f;
  private static final float SQRT_2_OVER_PI = 0.79788456080286536f;
  private static final float FAST_GELU_CUBIC = 0.044715f;

  private GeluMath() {}

  /**
   * erf(x) by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, under float's
   * resolution of erf near 1).
   */
  static float erf(float x) {
    float ax = Math.abs(x);
    float t = 1f / (1f + 0.3275911f * ax);
    float p = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f
        + t * (-1.453152027f + t * 1.061405429f))));
    float r = 1f - p * (float) Math.exp(-ax * ax);
    return x < 0 ? -r : r;
  }

  /** y[i] = gelu(x[i] + bias[i % hidden]) for i in [from, to); bias may be null. */
  static void gelu(float[] x, float[] bias, float[] y, int from, int to) {
    int hidden = bias == null ? 0 : bias.length;
    for (int i = from; i < to; i++) {
      float v = bias == null ? x[i] : x[i] + bias[i % hidden];
      y[i] = 0.5f * v * (1f + erf(v * INV_SQRT2));
    }
  }

  /** The tanh approximation: y[i] = fastgelu(x[i] + bias[i % hidden]); bias may be null. */
  static void fastGelu(float[] x, float[] bias, float[] y, int from, int to) {
    int hidden = bias == null ? 0 : bias.length;
    for (int i = from; i < to; i++) {
      float v = bias == null ? x[i] : x[i] + bias[i % hidden];
      float u = SQRT_2_OVER_PI * v * (1f + FAST_GELU_CUBIC * v * v);
      y[i] = 0.5f * v * (1f + (float) Math.tanh(u));
    }
  }
}
