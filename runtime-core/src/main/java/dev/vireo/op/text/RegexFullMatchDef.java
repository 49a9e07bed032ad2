package dev.vireo.op.text;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** RegexFullMatch: a string tensor gives a bool tensor of the same shape; pattern is required. */
public final class RegexFullMatchDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "RegexFullMatch";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.elemType() != null && x.elemType() != DType.STRING) {
      throw new IllegalArgumentException("RegexFullMatch: input must be a string tensor, got " + x);
    }
    if (!ctx.node().hasAttr("pattern")) {
      throw new IllegalArgumentException("RegexFullMatch: attribute 'pattern' is required");
    }
    return List.of(new TensorType(DType.BOOL, x.dims()));
  }
}
