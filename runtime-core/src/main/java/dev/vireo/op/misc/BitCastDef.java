package dev.vireo.op.misc;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** BitCast: the input's shape in type {@code to}, which must have the input type's width. */
public final class BitCastDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "BitCast";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (!ctx.node().hasAttr("to")) {
      throw new IllegalArgumentException("BitCast: attribute 'to' is required");
    }
    DType to = DType.fromOnnx((int) ctx.node().attrInt("to", 0));
    TensorType x = ctx.tensor(0);
    if (x.elemType() != null && x.elemType().byteSize() != to.byteSize()) {
      throw new IllegalArgumentException("BitCast: " + x + " and " + to + " differ in bit width");
    }
    return List.of(new TensorType(to, x.dims()));
  }
}
