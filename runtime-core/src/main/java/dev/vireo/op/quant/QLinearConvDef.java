package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** QLinearConv: Conv's output shape for X (input 0) and W (input 3), in y_zero_point's type. */
public final class QLinearConvDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "QLinearConv";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    DType t = ctx.elemType(7);
    return List.of(QuantShapes.tensor(t,
        QuantShapes.conv("QLinearConv", ctx.node(), ctx.tensor(0), ctx.tensor(3))));
  }
}
