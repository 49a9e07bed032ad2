package dev.vireo.kernel.nn;

import dev.vireo.linalg.BiasActivation;

/**
 * Applies a {@link BiasActivation} to an output tile with branch-free loops for the activations
 * that are a clamp (none, Relu, Clip), which the JIT vectorizes; the comparisons of {@link
 * BiasActivation#apply}'s loops mispredict on fresh conv outputs (about half negative) and cost
 * more than the product. Results equal {@link BiasActivation#apply}'s except that a −0 result of
 * Relu or Clip may come out as +0. Other activations go to {@link BiasActivation#apply}.
 */
final class TilePost {
  private TilePost() {}

  /** As {@link BiasActivation#apply}. */
  static void apply(BiasActivation post, float[] y, int base, int ld, int cFrom, int cTo,
      int pFrom, int pTo, float[] sum) {
    float lo;
    float hi;
    switch (post.kind()) {
      case NONE -> {
        lo = Float.NEGATIVE_INFINITY;
        hi = Float.POSITIVE_INFINITY;
      }
      case RELU -> {
        lo = 0f;
        hi = Float.POSITIVE_INFINITY;
      }
      case CLIP -> {
        lo = post.alpha();
        hi = post.beta();
      }
      default -> {
        post.apply(y, base, ld, cFrom, cTo, pFrom, pTo, sum);
        return;
      }
    }
    float[] bias = post.bias();
    for (int c = cFrom; c < cTo; c++) {
      int from = base + c * ld + pFrom;
      int to = base + c * ld + pTo;
      float b = bias == null ? 0f : bias[c];
      if (sum != null) {
        for (int i = from; i < to; i++) {
          y[i] = Math.min(Math.max(y[i] + sum[i] + b, lo), hi);
        }
      } else {
        for (int i = from; i < to; i++) {
          y[i] = Math.min(Math.max(y[i] + b, lo), hi);
        }
      }
    }
  }
}
