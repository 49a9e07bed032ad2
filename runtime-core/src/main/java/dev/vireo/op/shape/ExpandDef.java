package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Expand: the input broadcast with the shape in input 1; with that shape constant the dims
 * follow, otherwise only the rank when the input's rank is not larger.
 */
public final class ExpandDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Expand";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] shape = ShapeDefs.ints(ctx.constant(1));
    if (shape == null) {
      TensorType s = ctx.tensor(1);
      if (x.hasRank() && s.hasRank() && s.rank() == 1 && s.dims().get(0).isKnown()) {
        return List.of(new TensorType(x.elemType(),
            Dims.unknown((int) Math.max(x.rank(), s.dims().get(0).value()))));
      }
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    List<Dim> target = new ArrayList<>();
    for (long d : shape) {
      target.add(Dim.of(d));
    }
    return List.of(new TensorType(x.elemType(),
        Dims.broadcast("Expand", List.of(x, new TensorType(x.elemType(), target)))));
  }
}
