package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** ConvInteger: Conv's output shape for X (input 0) and W (input 1), in int32. */
public final class ConvIntegerDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "ConvInteger";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    DType t = DType.INT32;
    return List.of(QuantShapes.tensor(t,
        QuantShapes.conv("ConvInteger", ctx.node(), ctx.tensor(0), ctx.tensor(1))));
  }
}
