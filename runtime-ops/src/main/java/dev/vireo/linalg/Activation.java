package dev.vireo.linalg;

/**
 * Element-wise activations with up to two float parameters {@code a} and {@code b}, one loop
 * per function: {@code out[i] = f(in[i]; a, b)} for i in [from, to), computed in double.
 */
public enum Activation {
  /** {@code b·(x > 0 ? x : a·(e^x − 1))}: a = alpha, b = gamma. */
  SELU,
  /** {@code x >= 0 ? x : a·(e^x − 1)}: a = alpha. */
  ELU,
  /** {@code max(0, min(1, a·x + b))}: a = alpha, b = beta. */
  HARD_SIGMOID,
  /** {@code x > a ? x : 0}: a = alpha. */
  THRESHOLDED_RELU,
  /** {@code x < −b ? x + a : x > b ? x − a : 0}: a = bias, b = lambd. */
  SHRINK,
  /** {@code max(0, x) + min(0, a·(e^(x/a) − 1))}: a = alpha. */
  CELU,
  /** {@code x·sigmoid(a·x)}: a = alpha. */
  SWISH;

  public void apply(double[] in, double[] out, int from, int to, double a, double b) {
    switch (this) {
      case SELU -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = b * (x > 0 ? x : a * Math.expm1(x));
        }
      }
      case ELU -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = x >= 0 ? x : a * Math.expm1(x);
        }
      }
      case HARD_SIGMOID -> {
        for (int i = from; i < to; i++) {
          double v = a * in[i] + b;
          // NaN passes through: neither comparison holds
          out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
      }
      case THRESHOLDED_RELU -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = x > a ? x : x != x ? x : 0;
        }
      }
      case SHRINK -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = x < -b ? x + a : x > b ? x - a : x != x ? x : 0;
        }
      }
      case CELU -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = Math.max(0, x) + Math.min(0, a * Math.expm1(x / a));
        }
      }
      case SWISH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = x * UnaryOp.sigmoid(a * x);
        }
      }
    }
  }

  /** As the double form, for f32 values: each result rounded once to float. */
  public void apply(float[] in, float[] out, int from, int to, double a, double b) {
    double[] d = new double[to - from];
    for (int i = from; i < to; i++) {
      d[i - from] = in[i];
    }
    apply(d, d, 0, d.length, a, b);
    for (int i = from; i < to; i++) {
      out[i] = (float) d[i - from];
    }
  }
}
