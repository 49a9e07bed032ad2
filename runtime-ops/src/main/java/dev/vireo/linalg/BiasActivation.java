package dev.vireo.linalg;

/**
 * A convolution's post-op, applied to each output tile while it is still in cache: {@code y =
 * act(y + bias[channel] + sum)}, where bias and sum are optional.
 *
 * <p>A tile is channels [cFrom, cTo) × positions [pFrom, pTo) of an output laid out as
 * {@code y[base + c·ld + p]}; {@code sum} (a residual added before the activation, as in
 * com.microsoft FusedConv's input Z) uses the same layout. Results are computed in float, with
 * the activation's math in float except where noted on the {@link Kind}.
 *
 * @param bias per output channel, or null
 * @param kind the activation
 * @param alpha the activation's first parameter (see {@link Kind})
 * @param beta the activation's second parameter (see {@link Kind})
 */
public record BiasActivation(float[] bias, Kind kind, float alpha, float beta) {
  /** The activations a convolution can fuse. */
  public enum Kind {
    /** Identity. */
    NONE,
    /** {@code max(0, x)} (NaN passes through). */
    RELU,
    /** {@code min(max(x, alpha), beta)}: alpha = min, beta = max (Relu6: 0, 6). */
    CLIP,
    /** {@code x >= 0 ? x : alpha·x}. */
    LEAKY_RELU,
    /** {@code 1 / (1 + e^−x)}, computed in double. */
    SIGMOID,
    /** {@code tanh(x)}, computed in double. */
    TANH,
    /** {@code max(0, min(1, alpha·x + beta))}. */
    HARD_SIGMOID
  }

  /** Just a bias (or nothing when null). */
  public static BiasActivation bias(float[] bias) {
    return new BiasActivation(bias, Kind.NONE, 0f, 0f);
  }

  /** Whether applying this changes nothing. */
  public boolean isIdentity() {
    return bias == null && kind == Kind.NONE;
  }

  /**
   * Applies the post-op to a tile (see the class comment for the layout).
   *
   * @param sum a residual in y's layout, or null
   */
  public void apply(float[] y, int base, int ld, int cFrom, int cTo, int pFrom, int pTo,
      float[] sum) {
    for (int c = cFrom; c < cTo; c++) {
      int off = base + c * ld;
      float b = bias == null ? 0f : bias[c];
      if (sum != null) {
        for (int p = pFrom; p < pTo; p++) {
          y[off + p] += sum[off + p];
        }
      }
      applyRow(y, off + pFrom, off + pTo, b);
    }
  }

  private void applyRow(float[] y, int from, int to, float b) {
    switch (kind) {
      case NONE -> {
        if (b != 0f || bias != null) {
          for (int i = from; i < to; i++) {
            y[i] += b;
          }
        }
      }
      case RELU -> {
        for (int i = from; i < to; i++) {
          float v = y[i] + b;
          y[i] = v < 0f ? 0f : v;
        }
      }
      case CLIP -> {
        float lo = alpha;
        float hi = beta;
        for (int i = from; i < to; i++) {
          float v = y[i] + b;
          y[i] = v < lo ? lo : v > hi ? hi : v;
        }
      }
      case LEAKY_RELU -> {
        for (int i = from; i < to; i++) {
          float v = y[i] + b;
          y[i] = v >= 0f ? v : alpha * v;
        }
      }
      case SIGMOID -> {
        for (int i = from; i < to; i++) {
          y[i] = (float) UnaryOp.sigmoid(y[i] + b);
        }
      }
      case TANH -> {
        for (int i = from; i < to; i++) {
          y[i] = (float) Math.tanh(y[i] + b);
        }
      }
      case HARD_SIGMOID -> {
        for (int i = from; i < to; i++) {
          float v = alpha * (y[i] + b) + beta;
          y[i] = v < 0f ? 0f : v > 1f ? 1f : v;
        }
      }
    }
  }
}
