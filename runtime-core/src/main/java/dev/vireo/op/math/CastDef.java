package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Cast: the input's shape with the element type of the {@code to} attribute. */
public final class CastDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Cast";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (!ctx.node().hasAttr("to")) {
      throw new IllegalArgumentException("Cast needs the 'to' attribute");
    }
    DType to = DType.fromOnnx((int) ctx.node().attrInt("to", 0));
    return List.of(new TensorType(to, ctx.tensor(0).dims()));
  }
}
