package dev.vireo.op.convt;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/** GlobalLpPool: [N, C, spatial...] to [N, C, 1...]. */
public final class GlobalLpPool implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "GlobalLpPool";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (x.rank() < 2) {
      throw new IllegalArgumentException("GlobalLpPool: input must be [N, C, spatial...], got " + x);
    }
    List<Dim> out = new ArrayList<>(x.dims().subList(0, 2));
    for (int i = 2; i < x.rank(); i++) {
      out.add(Dim.of(1));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
