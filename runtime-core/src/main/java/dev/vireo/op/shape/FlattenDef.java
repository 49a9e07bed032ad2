package dev.vireo.op.shape;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** Flatten: [prod(dims[:axis]), prod(dims[axis:])], axis in [-rank, rank], default 1. */
public final class FlattenDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Flatten";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(new TensorType(x.elemType(), Dims.unknown(2)));
    }
    int r = x.rank();
    long axis = ctx.node().attrInt("axis", 1);
    long a = axis < 0 ? axis + r : axis;
    if (a < 0 || a > r) {
      throw new IllegalArgumentException("Flatten: axis " + axis + " is out of range for " + x);
    }
    return List.of(new TensorType(x.elemType(),
        List.of(Dims.product(x.dims(), 0, (int) a), Dims.product(x.dims(), (int) a, r))));
  }
}
