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
 * TopK: values of the input's type and int64 indices, both the input's shape with the {@code
 * axis} dim set to k when k is known (the attribute before opset 10, a constant input 1 from 10).
 */
public final class TopKDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "TopK";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()), TensorType.unknownShape(DType.INT64));
    }
    int ax = Dims.axis("TopK", ctx.node().attrInt("axis", -1), x.rank(), x);
    Long k = null;
    if (ctx.node().opset() < 10) {
      k = ctx.node().attrInt("k", -1);
    } else if (ctx.constant(1) != null && ctx.constant(1).dtype().isInteger() && ctx.constant(1).size() == 1) {
      k = ctx.constant(1).getLong(0);
    }
    List<Dim> dims = new ArrayList<>(x.dims());
    dims.set(ax, k == null || k < 0 ? Dim.unknown() : Dim.of(k));
    return List.of(new TensorType(x.elemType(), dims), new TensorType(DType.INT64, dims));
  }
}
