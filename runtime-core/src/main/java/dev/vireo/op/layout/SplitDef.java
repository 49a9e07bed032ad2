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
 * Split: one output per node output, each the input with its {@code axis} dim replaced by the
 * part length (the {@code split} attribute before opset 13, a constant input 1 from 13, else an
 * even split — from 18 ceil(dim / n) with a smaller last part).
 */
public final class SplitDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Split";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    int n = ctx.node().outputs().size();
    List<ValueType> out = new ArrayList<>();
    if (!x.hasRank()) {
      for (int i = 0; i < n; i++) {
        out.add(TensorType.unknownShape(x.elemType()));
      }
      return out;
    }
    int ax = Dims.axis("Split", ctx.node().attrInt("axis", 0), x.rank(), x);
    int opset = ctx.node().opset();
    long[] split = opset >= 13 ? (ctx.hasInput(1) ? LayoutDefs.ints(ctx.constant(1)) : null)
        : ctx.node().attrInts("split", null);
    boolean splitUnknown = false;
    if (split != null && split.length == 0 && opset >= 13) {
      split = null;
    } else if (opset >= 13 && ctx.hasInput(1) && split == null) {
      splitUnknown = true;
    }
    Dim d = x.dims().get(ax);
    if (split == null && !splitUnknown && d.isKnown()) {
      split = new long[n];
      if (opset >= 18) {
        long part = (d.value() + n - 1) / n;
        for (int i = 0; i < n; i++) {
          split[i] = Math.max(0, Math.min(part, d.value() - part * i));
        }
      } else {
        if (d.value() % n != 0) {
          throw new IllegalArgumentException("Split: dim " + ax + " of " + x + " does not divide into " + n + " parts");
        }
        Arrays.fill(split, d.value() / n);
      }
    }
    if (split != null && split.length != n) {
      throw new IllegalArgumentException("Split: split " + Arrays.toString(split) + " has " + split.length
          + " parts for " + n + " outputs");
    }
    for (int i = 0; i < n; i++) {
      List<Dim> dims = new ArrayList<>(x.dims());
      dims.set(ax, split == null ? Dim.unknown() : Dim.of(split[i]));
      out.add(new TensorType(x.elemType(), dims));
    }
    return out;
  }
}
