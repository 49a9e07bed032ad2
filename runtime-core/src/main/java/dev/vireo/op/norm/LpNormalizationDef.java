package dev.vireo.op.norm;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** LpNormalization: the output has the input's type and shape. */
public final class LpNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "LpNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(NormShapes.withAxis(ctx, "LpNormalization", 0));
  }
}
