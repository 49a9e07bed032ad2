package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/**
 * QuantizeLinear: x's shape; the element type of the zero point, else of {@code output_dtype},
 * else uint8.
 */
public final class QuantizeLinearDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "QuantizeLinear";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    long od = ctx.node().attrInt("output_dtype", 0);
    DType declared = od == 0 ? null : DType.fromOnnx((int) od);
    DType zp = ctx.hasInput(2) ? ctx.elemType(2) : null;
    if (declared != null && zp != null && declared != zp) {
      throw new IllegalArgumentException("QuantizeLinear: output_dtype " + declared
          + " differs from the zero point's type " + zp);
    }
    DType t = ctx.hasInput(2) ? zp : declared != null ? declared : DType.UINT8;
    return List.of(new TensorType(t, ctx.tensor(0).dims()));
  }
}
