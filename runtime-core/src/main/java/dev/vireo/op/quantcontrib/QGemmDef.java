package dev.vireo.op.quantcontrib;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/**
 * com.microsoft QGemm: [M, N] from A and B (transA, transB); y_zero_point's type when it is
 * given (requantized output), else float.
 */
public final class QGemmDef implements OpDef {
  private static final String OP = "QGemm";

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
    DType t = ctx.inputCount() > 8 && ctx.hasInput(8) ? ctx.elemType(8) : DType.FLOAT;
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(3);
    if (!a.hasRank() || !b.hasRank()) {
      return List.of(TensorType.unknownShape(t));
    }
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException(OP + " needs 2-D A and B, got A " + a + ", B " + b);
    }
    boolean ta = ctx.node().attrInt("transA", 0) != 0;
    boolean tb = ctx.node().attrInt("transB", 0) != 0;
    Dim m = a.dims().get(ta ? 1 : 0);
    Dim n = b.dims().get(tb ? 0 : 1);
    return List.of(new TensorType(t, List.of(m, n)));
  }
}
