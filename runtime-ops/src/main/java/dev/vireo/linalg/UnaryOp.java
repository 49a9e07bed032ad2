package dev.vireo.linalg;

/**
 * Element-wise float functions, one loop per function: {@code out[i] = f(in[i])} for i in
 * [from, to). Transcendentals are evaluated in double and rounded once to float.
 */
public enum UnaryOp {
  RELU, SIGMOID, TANH, ERF, SQRT, EXP, LOG, ABS, NEG, FLOOR, CEIL, RECIPROCAL, SOFTPLUS,
  COS, SIN, TAN, ACOS, ASIN, ATAN, COSH, SINH, ACOSH, ASINH, ATANH,
  /** Round half to even. */
  ROUND,
  SIGN, SOFTSIGN, MISH, HARD_SWISH,
  /** Gelu with the exact erf form. */
  GELU,
  /** Gelu with the tanh approximation. */
  GELU_TANH;

  public void apply(float[] in, float[] out, int from, int to) {
    switch (this) {
      case RELU -> {
        for (int i = from; i < to; i++) {
          float v = in[i];
          out[i] = v > 0f ? v : v == v ? 0f : v;
        }
      }
      case SIGMOID -> {
        for (int i = from; i < to; i++) {
          out[i] = (float) sigmoid(in[i]);
        }
      }
      case TANH -> { for (int i = from; i < to; i++) out[i] = (float) Math.tanh(in[i]); }
      case ERF -> { for (int i = from; i < to; i++) out[i] = (float) erf(in[i]); }
      case SQRT -> { for (int i = from; i < to; i++) out[i] = (float) Math.sqrt(in[i]); }
      case EXP -> { for (int i = from; i < to; i++) out[i] = (float) Math.exp(in[i]); }
      case LOG -> { for (int i = from; i < to; i++) out[i] = (float) Math.log(in[i]); }
      case ABS -> { for (int i = from; i < to; i++) out[i] = Math.abs(in[i]); }
      case NEG -> { for (int i = from; i < to; i++) out[i] = -in[i]; }
      case FLOOR -> { for (int i = from; i < to; i++) out[i] = (float) Math.floor(in[i]); }
      case CEIL -> { for (int i = from; i < to; i++) out[i] = (float) Math.ceil(in[i]); }
      case RECIPROCAL -> { for (int i = from; i < to; i++) out[i] = 1f / in[i]; }
      case SOFTPLUS -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = (float) (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
        }
      }
      default -> {
        // the remaining functions are evaluated in double and rounded once
        double[] d = new double[to - from];
        for (int i = from; i < to; i++) {
          d[i - from] = in[i];
        }
        apply(d, d, 0, d.length);
        for (int i = from; i < to; i++) {
          out[i] = (float) d[i - from];
        }
      }
    }
  }

  /**
   * {@code out[i] = f(in[i])} in double for i in [from, to): the f64 form of every function
   * (f32 inputs of the transcendental ones go through the same formulas).
   */
  public void apply(double[] in, double[] out, int from, int to) {
    switch (this) {
      case RELU -> {
        for (int i = from; i < to; i++) {
          double v = in[i];
          out[i] = v > 0 ? v : v == v ? 0 : v;
        }
      }
      case SIGMOID -> { for (int i = from; i < to; i++) out[i] = sigmoid(in[i]); }
      case TANH -> { for (int i = from; i < to; i++) out[i] = Math.tanh(in[i]); }
      case ERF -> { for (int i = from; i < to; i++) out[i] = erf(in[i]); }
      case SQRT -> { for (int i = from; i < to; i++) out[i] = Math.sqrt(in[i]); }
      case EXP -> { for (int i = from; i < to; i++) out[i] = Math.exp(in[i]); }
      case LOG -> { for (int i = from; i < to; i++) out[i] = Math.log(in[i]); }
      case ABS -> { for (int i = from; i < to; i++) out[i] = Math.abs(in[i]); }
      case NEG -> { for (int i = from; i < to; i++) out[i] = -in[i]; }
      case FLOOR -> { for (int i = from; i < to; i++) out[i] = Math.floor(in[i]); }
      case CEIL -> { for (int i = from; i < to; i++) out[i] = Math.ceil(in[i]); }
      case RECIPROCAL -> { for (int i = from; i < to; i++) out[i] = 1 / in[i]; }
      case SOFTPLUS -> { for (int i = from; i < to; i++) out[i] = softplus(in[i]); }
      case COS -> { for (int i = from; i < to; i++) out[i] = Math.cos(in[i]); }
      case SIN -> { for (int i = from; i < to; i++) out[i] = Math.sin(in[i]); }
      case TAN -> { for (int i = from; i < to; i++) out[i] = Math.tan(in[i]); }
      case ACOS -> { for (int i = from; i < to; i++) out[i] = Math.acos(in[i]); }
      case ASIN -> { for (int i = from; i < to; i++) out[i] = Math.asin(in[i]); }
      case ATAN -> { for (int i = from; i < to; i++) out[i] = Math.atan(in[i]); }
      case COSH -> { for (int i = from; i < to; i++) out[i] = Math.cosh(in[i]); }
      case SINH -> { for (int i = from; i < to; i++) out[i] = Math.sinh(in[i]); }
      case ACOSH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = Math.log(x + Math.sqrt(x * x - 1));
        }
      }
      case ASINH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          double a = Math.abs(x);
          // odd function: computing on |x| avoids cancellation for large negative x
          out[i] = Math.copySign(Math.log(a + Math.sqrt(a * a + 1)), x);
        }
      }
      case ATANH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = 0.5 * (Math.log1p(x) - Math.log1p(-x));
        }
      }
      case ROUND -> { for (int i = from; i < to; i++) out[i] = Math.rint(in[i]); }
      case SIGN -> { for (int i = from; i < to; i++) out[i] = Math.signum(in[i]); }
      case SOFTSIGN -> { for (int i = from; i < to; i++) out[i] = in[i] / (1 + Math.abs(in[i])); }
      case MISH -> { for (int i = from; i < to; i++) out[i] = in[i] * Math.tanh(softplus(in[i])); }
      case HARD_SWISH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = x * Math.max(0, Math.min(1, x / 6 + 0.5));
        }
      }
      case GELU -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = 0.5 * x * (1 + erf(x / Math.sqrt(2)));
        }
      }
      case GELU_TANH -> {
        for (int i = from; i < to; i++) {
          double x = in[i];
          out[i] = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        }
      }
    }
  }

  /** log(1 + e^x) without overflow. */
  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** The logistic function, stable for large |x|. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /**
   * The error function: for |x| < 2.5 its Maclaurin series (converging fast there), beyond that
   * the continued fraction of erfc; absolute error below 1e-13, far under float precision.
   */
  public static double erf(double x) {
    if (x != x) {
      return x;
    }
    double ax = Math.abs(x);
    double r;
    if (ax < 2.5) {
      // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
      double term = ax;
      double sum = ax;
      double x2 = ax * ax;
      for (int n = 1; n < 60; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      r = sum * 2.0 / Math.sqrt(Math.PI);
    } else if (ax > 6) {
      r = 1.0;
    } else {
      // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
      double f = ax;
      for (int k = 60; k >= 1; k--) {
        f = ax + (k / 2.0) / f;
      }
      r = 1.0 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
    }
    return x < 0 ? -r : r;
  }
}
