package dev.vireo.op.misc;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * CenterCropPad: the input's type and rank; the axes named by {@code axes} (all by default) take
 * the lengths of the constant shape input, or become unknown when it is not constant.
 */
public final class CenterCropPadDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "CenterCropPad";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    long[] axes = ctx.node().attrInts("axes", null);
    if (axes == null) {
      axes = new long[r];
      for (int i = 0; i < r; i++) {
        axes[i] = i;
      }
    }
    Tensor shape = ctx.constant(1);
    if (shape != null && shape.size() != axes.length) {
      throw new IllegalArgumentException("CenterCropPad: shape has " + shape.size() + " lengths for " + axes.length + " axes of " + x);
    }
    List<Dim> d = new ArrayList<>(x.dims());
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < -r || axes[i] >= r) {
        throw new IllegalArgumentException("CenterCropPad: axis " + axes[i] + " is out of range for " + x);
      }
      int a = (int) Math.floorMod(axes[i], r);
      d.set(a, shape == null ? Dim.unknown() : Dim.of(shape.getLong(i)));
    }
    return List.of(new TensorType(x.elemType(), d));
  }
}
