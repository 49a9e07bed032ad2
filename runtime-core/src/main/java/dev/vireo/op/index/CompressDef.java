package dev.vireo.op.index;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Compress: the input's type; 1-D without {@code axis}, else the input's shape; the selected
 * length depends on the condition's values and stays unknown.
 */
public final class CompressDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Compress";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!ctx.node().hasAttr("axis")) {
      return List.of(new TensorType(x.elemType(), Dims.unknown(1)));
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int ax = Dims.axis("Compress", ctx.node().attrInt("axis", 0), x.rank(), x);
    List<Dim> dims = new ArrayList<>(x.dims());
    dims.set(ax, Dim.unknown());
    return List.of(new TensorType(x.elemType(), dims));
  }
}
