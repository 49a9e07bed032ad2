package dev.vireo.op.norm;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** LRN: Y has X's type and shape; X needs rank >= 2. */
public final class LrnDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "LRN";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(NormShapes.channelsFirst(ctx, "LRN"));
  }
}
