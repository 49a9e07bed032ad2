package dev.vireo.op.random;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Bernoulli: 0/1 draws of input 0's shape, typed by {@code dtype} or else input 0's type. */
public final class Bernoulli implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Bernoulli";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType in = ctx.tensor(0);
    DType t = ctx.node().hasAttr("dtype") ? DType.fromOnnx((int) ctx.node().attrInt("dtype", 0)) : in.elemType();
    return List.of(new TensorType(t, in.dims()));
  }
}
