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
 * OneHot: the type of values (input 2), the indices' shape with an axis of size depth inserted
 * at {@code axis} (default -1: last); depth is known when input 1 is constant.
 */
public final class OneHotDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "OneHot";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType idx = ctx.tensor(0);
    DType t = ctx.elemType(2);
    if (!idx.hasRank()) {
      return List.of(TensorType.unknownShape(t));
    }
    int r = idx.rank() + 1;
    int ax = Dims.axis("OneHot", ctx.node().attrInt("axis", -1), r, idx);
    var depth = ctx.constant(1);
    List<Dim> dims = new ArrayList<>(idx.dims());
    dims.add(ax, depth != null && depth.size() == 1 ? Dim.of((long) depth.getDouble(0)) : Dim.unknown());
    return List.of(new TensorType(t, dims));
  }
}
