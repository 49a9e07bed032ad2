package dev.vireo.op.math;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** Gemm: op(A) [M, K] x op(B) [K, N] (+ C broadcast to [M, N]) = [M, N]. */
public final class GemmDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Gemm";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(1);
    boolean ta = ctx.node().attrInt("transA", 0) != 0;
    boolean tb = ctx.node().attrInt("transB", 0) != 0;
    if ((a.hasRank() && a.rank() != 2) || (b.hasRank() && b.rank() != 2)) {
      throw new IllegalArgumentException("Gemm needs 2-D A and B: A " + a + ", B " + b);
    }
    Dim m = a.hasRank() ? a.dims().get(ta ? 1 : 0) : Dim.unknown();
    Dim ka = a.hasRank() ? a.dims().get(ta ? 0 : 1) : Dim.unknown();
    Dim kb = b.hasRank() ? b.dims().get(tb ? 1 : 0) : Dim.unknown();
    Dim n = b.hasRank() ? b.dims().get(tb ? 0 : 1) : Dim.unknown();
    if (ka.isKnown() && kb.isKnown() && ka.value() != kb.value()) {
      throw new IllegalArgumentException("inner dimensions differ: A " + a + (ta ? " (transposed)" : "")
          + " x B " + b + (tb ? " (transposed)" : ""));
    }
    return List.of(new TensorType(a.elemType(), List.of(m, n)));
  }
}
