package dev.vireo.op.layout;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tile: the input's type and rank, each dim times its repeat when the repeats are constant. */
public final class TileDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Tile";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] rep = LayoutDefs.ints(ctx.constant(1));
    if (!x.hasRank()) {
      return List.of(new TensorType(x.elemType(), rep == null ? null : Dims.unknown(rep.length)));
    }
    if (rep == null) {
      return List.of(new TensorType(x.elemType(), Dims.unknown(x.rank())));
    }
    if (rep.length != x.rank()) {
      throw new IllegalArgumentException("Tile: repeats " + Arrays.toString(rep) + " need one value per axis of " + x);
    }
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < rep.length; i++) {
      out.add(LayoutDefs.times(x.dims().get(i), rep[i]));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
