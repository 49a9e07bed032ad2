package dev.vireo.op.norm;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** MeanVarianceNormalization: Y has X's type and shape. */
public final class MeanVarianceNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "MeanVarianceNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(NormShapes.sameShape(ctx, "MeanVarianceNormalization", 0));
  }
}
