package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Shape: a 1-D int64 tensor of length rank (or end - start, clamped, from opset 15). */
public final class ShapeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Shape";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(new TensorType(DType.INT64, List.of(Dim.unknown())));
    }
    int r = x.rank();
    int s = 0;
    int e = r;
    if (ctx.node().opset() >= 15) {
      s = clamp(ctx.node().attrInt("start", 0), r);
      e = ctx.node().hasAttr("end") ? clamp(ctx.node().attrInt("end", 0), r) : r;
    }
    return List.of(new TensorType(DType.INT64, List.of(Dim.of(Math.max(0, e - s)))));
  }

  private static int clamp(long v, int r) {
    long x = v < 0 ? v + r : v;
    return (int) Math.max(0, Math.min(r, x));
  }
}
