package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** DequantizeLinear: x's shape, the element type of {@code output_dtype} or else of the scale. */
public final class DequantizeLinearDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "DequantizeLinear";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    long od = ctx.node().attrInt("output_dtype", 0);
    DType t = od != 0 ? DType.fromOnnx((int) od)
        : ctx.node().opset() < 19 ? DType.FLOAT : ctx.elemType(1);
    return List.of(new TensorType(t, ctx.tensor(0).dims()));
  }
}
