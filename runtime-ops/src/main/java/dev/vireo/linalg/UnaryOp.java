package dev.vireo.linalg;

/**
 * Element-wise float functions, one loop per function: {@code out[i] = f(in[i])} for i in
 * [from, to). Transcendentals are evaluated in double and rounded once to float.
 */
public enum UnaryOp {
  RELU, SIGMOID, TANH, ERF, SQRT, EXP, LOG, ABS, NEG, FLOOR, CEIL, RECIPROCAL, SOFTPLUS;

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
    }
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
