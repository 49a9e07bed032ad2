package dev.vireo.op.norm;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** RMSNormalization: Y has X's shape and scale's element type. */
public final class RmsNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "RMSNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(NormShapes.withAxis(ctx, "RMSNormalization", 1));
  }
}
