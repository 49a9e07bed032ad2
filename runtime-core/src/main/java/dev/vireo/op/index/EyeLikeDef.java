package dev.vireo.op.index;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** EyeLike: the input's 2-D shape, of type {@code dtype} or else the input's type. */
public final class EyeLikeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "EyeLike";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() != 2) {
      throw new IllegalArgumentException("EyeLike needs a 2-D input, got " + x);
    }
    DType t = ctx.node().hasAttr("dtype") ? DType.fromOnnx((int) ctx.node().attrInt("dtype", 0)) : x.elemType();
    return List.of(new TensorType(t, x.hasRank() ? x.dims() : Dims.unknown(2)));
  }
}
