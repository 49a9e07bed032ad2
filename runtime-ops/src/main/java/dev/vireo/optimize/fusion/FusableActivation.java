package dev.vireo.optimize.fusion;

import dev.vireo.ir.Node;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.tensor.Tensor;
import java.util.Set;

/**
 * An activation node that onnxruntime's fused kernels (FusedConv, FusedGemm) can absorb, with its
 * parameters resolved: Relu, Tanh, Sigmoid, LeakyRelu (alpha), Clip (min, max from attributes
 * before opset 11, constant inputs after; an absent bound is infinite) and HardSigmoid (alpha,
 * beta). Those are the activations onnxruntime's MLAS applies; others (Gelu, HardSwish) are not
 * fused so that the written model stays runnable in onnxruntime.
 *
 * @param opType the activation's op type
 * @param a first parameter (LeakyRelu alpha, Clip min, HardSigmoid alpha)
 * @param b second parameter (Clip max, HardSigmoid beta)
 * @param params how many parameters the op has (0, 1 or 2)
 */
record FusableActivation(String opType, float a, float b, int params) {
  private static final Set<String> PLAIN = Set.of("Relu", "Tanh", "Sigmoid");

  /** The activation of node {@code n}, or null when it is none of the fusable ones. */
  static FusableActivation of(Node n, GraphEditor ed) {
    if (!n.domain().isEmpty() || n.output(0) == null) {
      return null;
    }
    String op = n.opType();
    if (PLAIN.contains(op)) {
      return new FusableActivation(op, 0, 0, 0);
    }
    return switch (op) {
      case "LeakyRelu" -> new FusableActivation(op, n.attrFloat("alpha", 0.01f), 0, 1);
      case "HardSigmoid" -> new FusableActivation(op, n.attrFloat("alpha", 0.2f), n.attrFloat("beta", 0.5f), 2);
      case "Clip" -> clip(n, ed);
      default -> null;
    };
  }

  private static FusableActivation clip(Node n, GraphEditor ed) {
    if (n.opset() < 11) {
      return new FusableActivation("Clip", n.attrFloat("min", Float.NEGATIVE_INFINITY),
          n.attrFloat("max", Float.POSITIVE_INFINITY), 2);
    }
    float[] bound = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
    for (int i = 0; i < 2; i++) {
      if (n.input(i + 1) == null) {
        continue;
      }
      Tensor t = ed.constant(n.input(i + 1));
      if (t == null || t.size() != 1 || t.dtype() != dev.vireo.tensor.DType.FLOAT) {
        return null;
      }
      bound[i] = t.floats()[0];
    }
    return new FusableActivation("Clip", bound[0], bound[1], 2);
  }

  /** The parameters as FusedConv's activation_params. */
  float[] convParams() {
    return params == 0 ? new float[0] : params == 1 ? new float[] {a} : new float[] {a, b};
  }
}
