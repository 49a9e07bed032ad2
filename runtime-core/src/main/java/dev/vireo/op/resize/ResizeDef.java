package dev.vireo.op.resize;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Resize and Upsample: the input's type and rank; a resized dim is floor(dim · scale) with
 * constant scales, or the size with constant sizes (stretch policy only; the aspect-preserving
 * policies leave the resized dims unknown). Scales are the attribute for Upsample before opset 9,
 * input 1 for Upsample 9 and Resize 10, input 2 from Resize 11, where sizes are input 3; from
 * opset 18 they may cover only the {@code axes}.
 */
public final class ResizeDef implements OpDef {
  private final String opType;

  public ResizeDef(String opType) {
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
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank();
    var n = ctx.node();
    boolean legacy = opType.equals("Upsample") || n.opset() < 11;
    double[] scales = null;
    long[] sizes = null;
    if (opType.equals("Upsample") && n.opset() < 9) {
      float[] f = n.attrFloats("scales", new float[0]);
      scales = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        scales[i] = f[i];
      }
    } else {
      Tensor s = ctx.constant(legacy ? 1 : 2);
      Tensor z = legacy ? null : ctx.constant(3);
      if (s != null && s.size() > 0 && s.dtype().isFloatingPoint()) {
        scales = new double[s.size()];
        for (int i = 0; i < scales.length; i++) {
          scales[i] = s.getDouble(i);
        }
      } else if (z != null && z.size() > 0 && z.dtype().isInteger()) {
        sizes = z.toLongArray();
      }
    }
    boolean known = scales != null || sizes != null;
    long[] axesAttr = n.attrInts("axes", null);
    int[] axes = new int[axesAttr == null ? r : axesAttr.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axesAttr == null ? i : Dims.axis(opType, axesAttr[i], r, x);
    }
    List<Dim> out = new ArrayList<>(x.dims());
    int given = scales != null ? scales.length : sizes != null ? sizes.length : -1;
    boolean stretch = n.attrString("keep_aspect_ratio_policy", "stretch").equals("stretch");
    for (int i = 0; i < axes.length; i++) {
      Dim d = x.dims().get(axes[i]);
      Dim o = Dim.unknown();
      if (known && given == axes.length) {
        if (scales != null && scales[i] == 1.0) {
          o = d;
        } else if (scales != null && d.isKnown()) {
          o = Dim.of((long) Math.floor(d.value() * scales[i]));
        } else if (sizes != null && stretch) {
          o = Dim.of(sizes[i]);
        }
      } else if (known) {
        throw new IllegalArgumentException(opType + ": " + given + " scales or sizes for " + axes.length
            + " axes of " + x);
      }
      out.set(axes[i], o);
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
