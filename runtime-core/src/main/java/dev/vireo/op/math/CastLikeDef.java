package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** CastLike: input 0's shape with the element type of input 1. */
public final class CastLikeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "CastLike";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(new TensorType(ctx.elemType(1), ctx.tensor(0).dims()));
  }
}
