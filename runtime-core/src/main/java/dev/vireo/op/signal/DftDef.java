package dev.vireo.op.signal;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * DFT: input [..., 1 or 2] gives the input's type with the transformed axis resized (to
 * dft_length, or dft_length/2 + 1 when forward and onesided) and the last dim 2, or 1 for an
 * inverse one-sided transform. The axis is an attribute up to opset 19 and input 2 from opset 20;
 * when it or dft_length is not constant the affected dims are unknown.
 */
public final class DftDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "DFT";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    if (r < 2) {
      throw new IllegalArgumentException("DFT: input must be [..., 1 or 2], got " + x);
    }
    boolean inverse = ctx.node().attrInt("inverse", 0) != 0;
    boolean onesided = ctx.node().attrInt("onesided", 0) != 0;
    List<Dim> d = new ArrayList<>(x.dims());
    d.set(r - 1, Dim.of(inverse && onesided ? 1 : 2));
    Long axis;
    if (ctx.node().opset() >= 20) {
      // opset 20: axis became input 2, default -2
      Tensor a = ctx.inputCount() > 2 && ctx.hasInput(2) ? ctx.constant(2) : null;
      axis = !(ctx.inputCount() > 2 && ctx.hasInput(2)) ? Long.valueOf(-2) : a != null && a.size() == 1 ? a.getLong(0) : null;
    } else {
      axis = ctx.node().attrInt("axis", 1);
    }
    if (axis == null) {
      for (int i = 0; i < r - 1; i++) {
        d.set(i, Dim.unknown());
      }
      return List.of(new TensorType(x.elemType(), d));
    }
    if (axis < -r || axis >= r || Math.floorMod(axis, r) == r - 1) {
      throw new IllegalArgumentException("DFT: axis " + axis + " must name a signal axis of " + x);
    }
    int ax = (int) Math.floorMod(axis, r);
    Dim len = x.dims().get(ax);
    Dim n = ctx.inputCount() > 1 && ctx.hasInput(1) ? SignalDims.constantDim(ctx, 1)
        : inverse && onesided ? (len.isKnown() ? Dim.of(2 * (len.value() - 1)) : Dim.unknown()) : len;
    Dim out = !n.isKnown() ? Dim.unknown() : onesided && !inverse ? Dim.of(n.value() / 2 + 1) : n;
    d.set(ax, out);
    return List.of(new TensorType(x.elemType(), d));
  }
}
