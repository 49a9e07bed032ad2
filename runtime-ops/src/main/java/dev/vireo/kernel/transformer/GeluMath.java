package dev.vireo.kernel.transformer;

import dev.vireo.linalg.VecMath;

/**
 * The Gelu loops the transformer kernels share: the bias (if any) is added row by row into the
 * output, then the activation runs in place through {@link VecMath}.
 */
final class GeluMath {
  private GeluMath() {}

  /** y[i] = gelu(x[i] + bias[i % hidden]) for i in [from, to) (whole rows); bias may be null. */
  static void gelu(float[] x, float[] bias, float[] y, int from, int to) {
    int n = stage(x, bias, y, from, to);
    VecMath.gelu(n == 0 ? x : y, from, y, from, to - from);
  }

  /** The tanh approximation: y[i] = fastgelu(x[i] + bias[i % hidden]); bias may be null. */
  static void fastGelu(float[] x, float[] bias, float[] y, int from, int to) {
    int n = stage(x, bias, y, from, to);
    VecMath.geluTanh(n == 0 ? x : y, from, y, from, to - from);
  }

  /** Writes x + bias into y over [from, to) and returns 1, or returns 0 without a bias. */
  private static int stage(float[] x, float[] bias, float[] y, int from, int to) {
    if (bias == null) {
      return 0;
    }
    int hidden = bias.length;
    for (int row = from; row < to; row += hidden) {
      for (int j = 0; j < hidden; j++) {
        y[row + j] = x[row + j] + bias[j];
      }
    }
    return 1;
  }
}
