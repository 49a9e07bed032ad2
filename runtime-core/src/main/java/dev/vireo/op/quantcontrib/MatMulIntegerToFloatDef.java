package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.quant.QuantShapes;
import dev.vireo.tensor.DType;
import java.util.List;

/** com.microsoft MatMulIntegerToFloat: 8-bit A x B scaled to float. */
public final class MatMulIntegerToFloatDef implements OpDef {
  private static final String OP = "MatMulIntegerToFloat";

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
