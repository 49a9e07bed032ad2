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

/** ArgMax and ArgMin: int64, the input's shape with {@code axis} set to 1 or, without keepdims, removed. */
public final class ArgExtremeDef implements OpDef {
  private final String opType;

  public ArgExtremeDef(String opType) {
    this.opType = opType;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(DType.INT64));
    }
    int ax = Dims.axis(opType, ctx.node().attrInt("axis", 0), x.rank(), x);
    List<Dim> dims = new ArrayList<>(x.dims());
    if (ctx.node().attrInt("keepdims", 1) != 0) {
      dims.set(ax, Dim.of(1));
    } else {
      dims.remove(ax);
    }
    return List.of(new TensorType(DType.INT64, dims));
  }
}
