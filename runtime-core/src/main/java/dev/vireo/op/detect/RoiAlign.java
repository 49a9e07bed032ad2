package dev.vireo.op.detect;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * RoiAlign: X [N, C, H, W], rois [R, 4] and batch_indices [R] give [R, C, output_height,
 * output_width] in X's type.
 */
public final class RoiAlign implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "RoiAlign";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType rois = ctx.tensor(1);
    long oh = ctx.node().attrInt("output_height", 1);
    long ow = ctx.node().attrInt("output_width", 1);
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException("RoiAlign: output_height " + oh + " and output_width " + ow
          + " must be at least 1");
    }
    if (x.hasRank() && x.rank() != 4) {
      throw new IllegalArgumentException("RoiAlign: X must be 4-D [N, C, H, W], got " + x);
    }
    if (rois.hasRank() && rois.rank() != 2) {
      throw new IllegalArgumentException("RoiAlign: rois must be 2-D [R, 4], got " + rois);
    }
    Dim r = rois.hasRank() ? rois.dims().get(0) : Dim.unknown();
    Dim c = x.hasRank() ? x.dims().get(1) : Dim.unknown();
    return List.of(new TensorType(x.elemType(), List.of(r, c, Dim.of(oh), Dim.of(ow))));
  }
}
