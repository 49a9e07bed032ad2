package dev.vireo.op.layout;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pad: the data's type and rank; each dim grows by its begin and end pads when they are known
 * (the {@code pads} attribute before opset 11, a constant input 1 from 11, over the constant
 * axes input 3 from 18).
 */
public final class PadDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Pad";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    long[] pads = ctx.node().opset() >= 11 ? LayoutDefs.ints(ctx.constant(1)) : ctx.node().attrInts("pads", null);
    long[] axesGiven = ctx.hasInput(3) ? LayoutDefs.ints(ctx.constant(3)) : null;
    if (pads == null || ctx.hasInput(3) && axesGiven == null) {
      return List.of(new TensorType(x.elemType(), Dims.unknown(r)));
    }
    int[] axes = new int[axesGiven == null ? r : axesGiven.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axesGiven == null ? i : Dims.axis("Pad", axesGiven[i], r, x);
    }
    if (pads.length != 2 * axes.length) {
      throw new IllegalArgumentException("Pad: pads " + Arrays.toString(pads) + " need " + 2 * axes.length
          + " values for " + x);
    }
    List<Dim> out = new ArrayList<>(x.dims());
    for (int i = 0; i < axes.length; i++) {
      out.set(axes[i], LayoutDefs.plus(x.dims().get(axes[i]), pads[i] + pads[i + axes.length]));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
