package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** com.microsoft QLinearLeakyRelu: X's type and shape. */
public final class QLinearLeakyReluDef implements OpDef {
  private static final String OP = "QLinearLeakyRelu";

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
