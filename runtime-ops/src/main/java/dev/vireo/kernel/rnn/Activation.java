package dev.vireo.kernel.rnn;

import java.util.List;
import java.util.Locale;

/**
 * One activation function of a recurrent op with its alpha and beta resolved.
 *
 * <p>The functions are those the ONNX RNN, GRU and LSTM specs list; names match
 * case-insensitively. {@code activation_alpha} and {@code activation_beta} are consumed in the
 * order of the activation list, each value only by a function that takes that parameter (so
 * {@code [Sigmoid, LeakyRelu]} with alpha {@code [0.1]} gives LeakyRelu alpha 0.1); a function
 * whose parameter list has run out gets the default of the ONNX operator of the same name
 * (Affine 1 and 0, LeakyRelu 0.01, ThresholdedRelu 1, HardSigmoid 0.2 and 0.5, Elu 1), and 1 and
 * 1 for ScaledTanh, whose operator had no defaults.
 */
public final class Activation {
  /** The supported functions, with whether they take alpha and beta and their defaults. */
  public enum Kind {
    RELU(false, false, 0, 0),
    TANH(false, false, 0, 0),
    SIGMOID(false, false, 0, 0),
    AFFINE(true, true, 1f, 0f),
    LEAKYRELU(true, false, 0.01f, 0),
    THRESHOLDEDRELU(true, false, 1f, 0),
    SCALEDTANH(true, true, 1f, 1f),
    HARDSIGMOID(true, true, 0.2f, 0.5f),
    ELU(true, false, 1f, 0),
    SOFTSIGN(false, false, 0, 0),
    SOFTPLUS(false, false, 0, 0);

    final boolean usesAlpha;
    final boolean usesBeta;
    final float defaultAlpha;
    final float defaultBeta;

    Kind(boolean usesAlpha, boolean usesBeta, float defaultAlpha, float defaultBeta) {
      this.usesAlpha = usesAlpha;
      this.usesBeta = usesBeta;
      this.defaultAlpha = defaultAlpha;
      this.defaultBeta = defaultBeta;
    }
  }

  public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0, 0);
  public static final Activation TANH = new Activation(Kind.TANH, 0, 0);

  private final Kind kind;
  private final float alpha;
  private final float beta;

  public Activation(Kind kind, float alpha, float beta) {
    this.kind = kind;
    this.alpha = alpha;
    this.beta = beta;
  }

  public Kind kind() {
    return kind;
  }

  public float alpha() {
    return alpha;
  }

  public float beta() {
    return beta;
  }

  /**
   * Resolves a list of activation names with their alpha and beta lists.
   *
   * @param op the op type, for messages
   * @param alphas activation_alpha, or null when absent
   * @param betas activation_beta, or null when absent
   * @throws IllegalArgumentException for an unknown name
   */
  public static Activation[] resolve(String op, List<String> names, float[] alphas, float[] betas) {
    Activation[] out = new Activation[names.size()];
    int ai = 0;
    int bi = 0;
    for (int i = 0; i < out.length; i++) {
      Kind k = kind(op, names.get(i));
      float a = k.defaultAlpha;
      float b = k.defaultBeta;
      if (k.usesAlpha && alphas != null && ai < alphas.length) {
        a = alphas[ai++];
      }
      if (k.usesBeta && betas != null && bi < betas.length) {
        b = betas[bi++];
      }
      out[i] = new Activation(k, a, b);
    }
    return out;
  }

  private static Kind kind(String op, String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (Kind k : Kind.values()) {
      if (k.name().equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException(op + ": unknown activation '" + name + "', expected one of"
        + " Relu, Tanh, Sigmoid, Affine, LeakyRelu, ThresholdedRelu, ScaledTanh, HardSigmoid, Elu,"
        + " Softsign, Softplus");
  }

  /** The function at one point. */
  public float apply(float x) {
    return switch (kind) {
      case RELU -> Math.max(0f, x);
      case TANH -> (float) Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case AFFINE -> alpha * x + beta;
      case LEAKYRELU -> x >= 0 ? x : alpha * x;
      case THRESHOLDEDRELU -> x >= alpha ? x : 0f;
      case SCALEDTANH -> alpha * (float) Math.tanh(beta * x);
      case HARDSIGMOID -> Math.min(Math.max(alpha * x + beta, 0f), 1f);
      case ELU -> x >= 0 ? x : alpha * (float) Math.expm1(x);
      case SOFTSIGN -> x / (1f + Math.abs(x));
      case SOFTPLUS -> softplus(x);
    };
  }

  /**
   * Applies the function in place to {@code a[from, to)}, after clipping each value to [-clip,
   * clip]; {@code clip} is {@link Float#POSITIVE_INFINITY} for no clipping.
   */
  public void apply(float[] a, int from, int to, float clip) {
    if (clip != Float.POSITIVE_INFINITY) {
      for (int i = from; i < to; i++) {
        a[i] = Math.min(Math.max(a[i], -clip), clip);
      }
    }
    switch (kind) {
      case TANH -> {
        for (int i = from; i < to; i++) {
          a[i] = (float) Math.tanh(a[i]);
        }
      }
      case SIGMOID -> {
        for (int i = from; i < to; i++) {
          a[i] = sigmoid(a[i]);
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          a[i] = apply(a[i]);
        }
      }
    }
  }

  private static float sigmoid(float x) {
    // exp of a non-positive argument only, so neither branch overflows
    if (x >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
    double e = Math.exp(x);
    return (float) (e / (1.0 + e));
  }

  private static float softplus(float x) {
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), exact for large |x|
    return (float) (Math.max(x, 0f) + Math.log1p(Math.exp(-Math.abs(x))));
  }

  @Override
  public String toString() {
    if (!kind.usesAlpha) {
      return kind.toString();
    }
    return kind + "(alpha=" + alpha + (kind.usesBeta ? ", beta=" + beta : "") + ")";
  }
}
