package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** com.microsoft QLinearSigmoid: X's type and shape. */
public final class QLinearSigmoidDef implements OpDef {
  private static final String OP = "QLinearSigmoid";

  @Override
  public String domain() {
    return QuantContribOps.DOMAIN;
  }

  @Override
  public String opType() {
    return OP;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(ctx.tensor(0));
  }
}
