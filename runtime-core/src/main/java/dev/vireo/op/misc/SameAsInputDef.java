package dev.vireo.op.misc;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * Ops whose single output has input 0's type and shape: CumProd, ReverseSequence and
 * TensorScatter (the updated cache keeps the past cache's shape).
 */
public final class SameAsInputDef implements OpDef {
  private final String opType;

  public SameAsInputDef(String opType) {
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
