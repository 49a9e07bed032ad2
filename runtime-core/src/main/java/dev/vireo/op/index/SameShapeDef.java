package dev.vireo.op.index;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * Ops whose single output has the type and shape of input 0: Scatter, ScatterElements,
 * ScatterND, CumSum and Trilu.
 */
public final class SameShapeDef implements OpDef {
  private final String opType;

  public SameShapeDef(String opType) {
    this.opType = opType;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(ctx.tensor(0));
  }
}
