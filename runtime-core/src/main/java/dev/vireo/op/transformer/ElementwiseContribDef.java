package dev.vireo.op.transformer;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * A com.microsoft activation whose output has input 0's type and shape (Gelu, BiasGelu,
 * FastGelu); an optional 1-D bias (input 1) must match input 0's last dim.
 */
public final class ElementwiseContribDef implements OpDef {
  private final String opType;
  private final int requiredInputs;

  /** @param requiredInputs how many inputs the op needs (BiasGelu needs its bias) */
  public ElementwiseContribDef(String opType, int requiredInputs) {
    this.opType = opType;
    this.requiredInputs = requiredInputs;
  }

  @Override
  public String domain() {
    return TransformerOps.MS_DOMAIN;
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    for (int i = 1; i < requiredInputs; i++) {
      if (!ctx.hasInput(i)) {
        throw new IllegalArgumentException(opType + ": input " + i + " (bias) is required");
      }
    }
    TensorType b = ctx.hasInput(1) ? ctx.tensor(1) : null;
    if (b != null && b.hasRank() && b.rank() != 1) {
      throw new IllegalArgumentException(opType + ": bias must be 1-D, got " + b);
    }
    if (b != null && b.hasRank() && x.hasRank() && x.rank() > 0
        && b.dims().get(0).isKnown() && x.dims().get(x.rank() - 1).isKnown()
        && b.dims().get(0).value() != x.dims().get(x.rank() - 1).value()) {
      throw new IllegalArgumentException(opType + ": bias " + b + " does not match the last dim of " + x);
    }
    return List.of(x);
  }
}
