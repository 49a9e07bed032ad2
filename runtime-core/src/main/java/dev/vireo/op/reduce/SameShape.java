package dev.vireo.op.reduce;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * An op whose single output has its first input's type and shape: LogSoftmax and Hardmax, which
 * normalize along an axis.
 */
public final class SameShape implements OpDef {
  private final String opType;

  public SameShape(String opType) {
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
