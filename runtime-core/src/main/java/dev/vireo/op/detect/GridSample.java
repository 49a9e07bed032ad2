package dev.vireo.op.detect;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/** GridSample: X [N, C, d...] and grid [N, o..., r] give [N, C, o...] in X's type. */
public final class GridSample implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "GridSample";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType g = ctx.tensor(1);
    if (!x.hasRank() || !g.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (g.rank() != x.rank()) {
      throw new IllegalArgumentException("GridSample: grid " + g + " must have the rank of X " + x);
    }
    List<Dim> out = new ArrayList<>();
    out.add(x.dims().get(0));
    out.add(x.dims().get(1));
    out.addAll(g.dims().subList(1, g.rank() - 1));
    return List.of(new TensorType(x.elemType(), out));
  }
}
