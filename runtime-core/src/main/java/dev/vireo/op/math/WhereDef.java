package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Where: X's element type, the broadcast of condition, X and Y. */
public final class WhereDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Where";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType c = ctx.tensor(0);
    TensorType x = ctx.tensor(1);
    TensorType y = ctx.tensor(2);
    if (c.elemType() != null && c.elemType() != DType.BOOL) {
      throw new IllegalArgumentException("Where: condition must be bool, got " + c);
    }
    if (x.elemType() != null && y.elemType() != null && x.elemType() != y.elemType()) {
      throw new IllegalArgumentException("Where: X " + x + " and Y " + y + " differ in element type");
    }
    return List.of(new TensorType(x.elemType() != null ? x.elemType() : y.elemType(),
        Dims.broadcast("Where", List.of(c, x, y))));
  }
}
