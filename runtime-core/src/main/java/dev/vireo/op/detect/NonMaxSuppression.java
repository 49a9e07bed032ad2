package dev.vireo.op.detect;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** NonMaxSuppression: selected_indices is int64 [K, 3], K known only at run time. */
public final class NonMaxSuppression implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "NonMaxSuppression";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType b = ctx.tensor(0);
    if (b.hasRank() && b.rank() != 3) {
      throw new IllegalArgumentException("NonMaxSuppression: boxes must be [B, N, 4], got " + b);
    }
    return List.of(new TensorType(DType.INT64, List.of(Dim.unknown(), Dim.of(3))));
  }
}
