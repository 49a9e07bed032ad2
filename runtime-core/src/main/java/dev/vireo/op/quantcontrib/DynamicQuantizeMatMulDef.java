package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.quant.QuantShapes;
import dev.vireo.tensor.DType;
import java.util.List;

/** com.microsoft DynamicQuantizeMatMul: A (float) x B, float; A quantized to uint8 on the fly. */
public final class DynamicQuantizeMatMulDef implements OpDef {
  private static final String OP = "DynamicQuantizeMatMul";

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
    return List.of(QuantShapes.tensor(DType.FLOAT, QuantShapes.matmul(OP, ctx.tensor(0), ctx.tensor(1))));
  }
}
