package dev.vireo.op.norm;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** InstanceNormalization: the output has the input's type and shape; the input needs rank >= 2. */
public final class InstanceNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "InstanceNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(NormShapes.channelsFirst(ctx, "InstanceNormalization"));
  }
}
