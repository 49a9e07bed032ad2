package dev.vireo.op.index;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Size: an int64 scalar. */
public final class SizeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Size";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(new TensorType(DType.INT64, List.of()));
  }
}
