package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.List;

/** Range: a 1-D tensor of start's type; its length is known when all three inputs are constant. */
public final class RangeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Range";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Tensor s = ctx.constant(0);
    Tensor l = ctx.constant(1);
    Tensor d = ctx.constant(2);
    Dim n = Dim.unknown();
    if (s != null && l != null && d != null && s.size() == 1 && l.size() == 1 && d.size() == 1
        && d.getDouble(0) != 0) {
      n = Dim.of((long) Math.max(0, Math.ceil((l.getDouble(0) - s.getDouble(0)) / d.getDouble(0))));
    }
    return List.of(new TensorType(ctx.elemType(0), List.of(n)));
  }
}
