package dev.vireo.op.gated;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * SwiGLU (opset 28): {@code Y = A * sigmoid(alpha * A) * B}. A and B must have the same element
 * type and the same shape (no broadcasting); Y has that type and shape.
 */
public final class SwiGluDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "SwiGLU";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(1);
    if (a.elemType() != null && b.elemType() != null && a.elemType() != b.elemType()) {
      throw new IllegalArgumentException("SwiGLU: A " + a + " and B " + b + " must have the same element type");
    }
    if (a.isStatic() && b.isStatic() && !a.shape().equals(b.shape())) {
      throw new IllegalArgumentException("SwiGLU: A " + a + " and B " + b
          + " must have identical shapes (no broadcasting)");
    }
    TensorType out = a.hasRank() ? a : b;
    return List.of(new TensorType(a.elemType() != null ? a.elemType() : b.elemType(), out.dims()));
  }
}
