package dev.vireo.op.quantcontrib;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** com.microsoft QLinearMul: A · B on quantized values, A's type, broadcast shape. */
public final class QLinearMulDef implements OpDef {
  private static final String OP = "QLinearMul";

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
    return List.of(broadcast(ctx));
  }

  private static TensorType broadcast(InferenceContext ctx) {
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(3);
    if (!a.hasRank() || !b.hasRank()) {
      return TensorType.unknownShape(a.elemType());
    }
    return new TensorType(a.elemType(), Dims.broadcast(OP, List.of(a, b)));
  }
}
