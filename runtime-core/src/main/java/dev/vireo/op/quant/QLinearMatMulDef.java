package dev.vireo.op.quant;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** QLinearMatMul: MatMul's shape of a (input 0) x b (input 3), in y_zero_point's type. */
public final class QLinearMatMulDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "QLinearMatMul";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(QuantShapes.tensor(ctx.elemType(7),
        QuantShapes.matmul("QLinearMatMul", ctx.tensor(0), ctx.tensor(3))));
  }
}
