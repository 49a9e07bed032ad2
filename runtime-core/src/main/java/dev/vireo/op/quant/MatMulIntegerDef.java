package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** MatMulInteger: MatMul's shape of A (input 0) x B (input 1), int32. */
public final class MatMulIntegerDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "MatMulInteger";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(QuantShapes.tensor(DType.INT32,
        QuantShapes.matmul("MatMulInteger", ctx.tensor(0), ctx.tensor(1))));
  }
}
