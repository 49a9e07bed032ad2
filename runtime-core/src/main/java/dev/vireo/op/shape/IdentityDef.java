package dev.vireo.op.shape;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Identity and Dropout (inference): the input's type; Dropout's optional mask is bool of the same shape. */
public final class IdentityDef implements OpDef {
  private final String opType;

  public IdentityDef(String opType) {
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
    ValueType in = ctx.inputType(0);
    if (opType.equals("Dropout") && in instanceof TensorType t) {
      return List.of(t, new TensorType(DType.BOOL, t.dims()));
    }
    return java.util.Collections.singletonList(in);
  }
}
