package dev.vireo.op.index;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** GatherElements: the data's type with the indices' shape. */
public final class GatherElementsDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "GatherElements";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType data = ctx.tensor(0);
    TensorType idx = ctx.tensor(1);
    if (data.hasRank() && idx.hasRank() && data.rank() != idx.rank()) {
      throw new IllegalArgumentException("GatherElements: indices " + idx + " must have the rank of data " + data);
    }
    return List.of(new TensorType(data.elemType(), idx.dims()));
  }
}
