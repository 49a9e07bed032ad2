package dev.vireo.op.index;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** NonZero: int64 [rank, count]; the count depends on the data and stays unknown. */
public final class NonZeroDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "NonZero";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    Dim rank = x.hasRank() ? Dim.of(Math.max(1, x.rank())) : Dim.unknown();
    return List.of(new TensorType(DType.INT64, List.of(rank, Dim.unknown())));
  }
}
