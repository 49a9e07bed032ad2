package dev.vireo.op.misc;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** Det: [*, M, M] gives [*] in the input's type. */
public final class DetDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Det";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    if (r < 2) {
      throw new IllegalArgumentException("Det: input must be [*, M, M], got " + x);
    }
    Dim a = x.dims().get(r - 2);
    Dim b = x.dims().get(r - 1);
    if (a.isKnown() && b.isKnown() && a.value() != b.value()) {
      throw new IllegalArgumentException("Det: matrices must be square, got " + x);
    }
    return List.of(new TensorType(x.elemType(), x.dims().subList(0, r - 2)));
  }
}
