package dev.vireo.kernel.fused;

import dev.vireo.ir.Node;

/**
 * The activation of onnxruntime's fused contrib ops, applied in place to a kernel's float output:
 * {@code Relu}, {@code Tanh}, {@code Sigmoid}, {@code LeakyRelu} (alpha), {@code Clip} (min, max)
 * and {@code HardSigmoid} (alpha, beta), each computed as the standalone ONNX op computes it.
 *
 * @param name the activation's ONNX op type, or null for none
 * @param a first parameter (LeakyRelu alpha, Clip min, HardSigmoid alpha)
 * @param b second parameter (Clip max, HardSigmoid beta)
 */
public record FusedActivation(String name, float a, float b) {
  /** The activations these ops accept, as onnxruntime's MLAS does. */
  public static final java.util.Set<String> NAMES =
      java.util.Set.of("Relu", "Tanh", "Sigmoid", "LeakyRelu", "Clip", "HardSigmoid");

  private static final FusedActivation NONE = new FusedActivation(null, 0, 0);

  /**
   * FusedConv's form: attribute {@code activation} and its parameters in {@code
   * activation_params}.
   *
   * @throws IllegalArgumentException for an unknown activation or a wrong parameter count
   */
  public static FusedActivation ofConv(Node n) {
    String act = n.attrString("activation", null);
    if (act == null) {
      return NONE;
    }
    float[] p = n.attrFloats("activation_params", new float[0]);
    int need = switch (act) {
      case "LeakyRelu" -> 1;
      case "Clip", "HardSigmoid" -> 2;
      default -> 0;
    };
    check(act);
    if (p.length < need) {
      throw new IllegalArgumentException("FusedConv: activation " + act + " needs " + need
          + " activation_params, got " + p.length);
    }
    return new FusedActivation(act, need > 0 ? p[0] : 0, need > 1 ? p[1] : 0);
  }

  /**
   * FusedGemm's form: attribute {@code activation} with {@code activation_alpha} and {@code
   * activation_beta}.
   */
  public static FusedActivation ofGemm(Node n) {
    String act = n.attrString("activation", null);
    if (act == null) {
      return NONE;
    }
    check(act);
    float alpha = n.attrFloat("activation_alpha", act.equals("HardSigmoid") ? 0.2f : 0.01f);
    float beta = n.attrFloat("activation_beta", act.equals("HardSigmoid") ? 0.5f : 0f);
    return new FusedActivation(act, alpha, beta);
  }

  private static void check(String act) {
    if (!NAMES.contains(act)) {
      throw new IllegalArgumentException("unsupported fused activation '" + act + "'; expected one of "
          + new java.util.TreeSet<>(NAMES));
    }
  }

  /** Applies the activation to {@code d[from, to)} in place. */
  public void apply(float[] d, int from, int to) {
    if (name == null) {
      return;
    }
    switch (name) {
      case "Relu" -> {
        for (int i = from; i < to; i++) {
          // NaN stays NaN, as in Relu
          d[i] = d[i] < 0 ? 0 : d[i];
        }
      }
      case "Tanh" -> {
        for (int i = from; i < to; i++) {
          d[i] = (float) Math.tanh(d[i]);
        }
      }
      case "Sigmoid" -> {
        for (int i = from; i < to; i++) {
          double x = d[i];
          d[i] = (float) (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
        }
      }
      case "LeakyRelu" -> {
        for (int i = from; i < to; i++) {
          d[i] = d[i] < 0 ? a * d[i] : d[i];
        }
      }
      case "Clip" -> {
        for (int i = from; i < to; i++) {
          d[i] = d[i] < a ? a : d[i] > b ? b : d[i];
        }
      }
      case "HardSigmoid" -> {
        for (int i = from; i < to; i++) {
          float v = a * d[i] + b;
          d[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
      }
      default -> throw new IllegalStateException(name);
    }
  }
}
