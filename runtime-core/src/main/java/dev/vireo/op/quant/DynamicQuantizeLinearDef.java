package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** DynamicQuantizeLinear: y uint8 of x's shape, a float scale and a uint8 zero point (scalars). */
public final class DynamicQuantizeLinearDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "DynamicQuantizeLinear";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    DType x = ctx.elemType(0);
    if (x != null && x != DType.FLOAT) {
      throw new IllegalArgumentException("DynamicQuantizeLinear needs a float x, got " + ctx.tensor(0));
    }
    return List.of(new TensorType(DType.UINT8, ctx.tensor(0).dims()),
        new TensorType(DType.FLOAT, List.of()), new TensorType(DType.UINT8, List.of()));
  }
}
