package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/** Gather: data[:axis] + indices + data[axis+1:], indices int32 or int64. */
public final class GatherDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Gather";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType data = ctx.tensor(0);
    TensorType idx = ctx.tensor(1);
    if (idx.elemType() != null && idx.elemType() != DType.INT64 && idx.elemType() != DType.INT32) {
      throw new IllegalArgumentException("Gather indices must be int32 or int64, got " + idx);
    }
    if (!data.hasRank() || !idx.hasRank()) {
      return List.of(TensorType.unknownShape(data.elemType()));
    }
    int ax = Dims.axis("Gather", ctx.node().attrInt("axis", 0), data.rank(), data);
    List<Dim> out = new ArrayList<>(data.dims().subList(0, ax));
    out.addAll(idx.dims());
    out.addAll(data.dims().subList(ax + 1, data.rank()));
    return List.of(new TensorType(data.elemType(), out));
  }
}
