package dev.vireo.op.index;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique: Y of the input's type (1-D without {@code axis}, else the input's shape with an unknown
 * dim at axis) and three 1-D int64 outputs; every count depends on the data.
 */
public final class UniqueDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Unique";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType y;
    Dim inverseLen = Dim.unknown();
    if (!ctx.node().hasAttr("axis")) {
      y = new TensorType(x.elemType(), Dims.unknown(1));
      if (x.hasRank()) {
        inverseLen = Dims.product(x.dims(), 0, x.rank());
      }
    } else if (!x.hasRank()) {
      y = TensorType.unknownShape(x.elemType());
    } else {
      int ax = Dims.axis("Unique", ctx.node().attrInt("axis", 0), x.rank(), x);
      List<Dim> dims = new ArrayList<>(x.dims());
      dims.set(ax, Dim.unknown());
      y = new TensorType(x.elemType(), dims);
      inverseLen = x.dims().get(ax);
    }
    TensorType counts = new TensorType(DType.INT64, Dims.unknown(1));
    return List.of(y, counts, new TensorType(DType.INT64, List.of(inverseLen)), counts);
  }
}
