package dev.vireo.op.misc;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * DeformConv: X [N, C, D1..Dn] and W [oC, C/group, k1..kn] give [N, oC, o1..on] in X's type, the
 * spatial dims taken from the offset input [N, offset_group·∏k·n, o1..on] when it is known.
 */
public final class DeformConvDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "DeformConv";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    TensorType offset = ctx.tensor(2);
    if (x.hasRank() && x.rank() < 3) {
      throw new IllegalArgumentException("DeformConv: X must be [N, C, D1, ...], got " + x);
    }
    if (!offset.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    List<Dim> d = new ArrayList<>();
    d.add(x.hasRank() ? x.dims().get(0) : Dim.unknown());
    d.add(w.hasRank() ? w.dims().get(0) : Dim.unknown());
    d.addAll(offset.dims().subList(2, offset.rank()));
    return List.of(new TensorType(x.elemType(), d));
  }
}
