package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Slice: the input's rank; dims of sliced axes follow from constant starts, ends, axes and steps
 * (attributes before opset 10, inputs from 10) when the input dim is known, unsliced dims are
 * kept.
 */
public final class SliceDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Slice";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(x);
    }
    int r = x.rank();
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (ctx.node().opset() >= 10) {
      starts = ShapeDefs.ints(ctx.constant(1));
      ends = ShapeDefs.ints(ctx.constant(2));
      axes = ctx.hasInput(3) ? ShapeDefs.ints(ctx.constant(3)) : null;
      if (ctx.hasInput(4)) {
        steps = ShapeDefs.ints(ctx.constant(4));
        if (steps == null) {
          return List.of(new TensorType(x.elemType(), dev.vireo.op.Dims.unknown(r)));
        }
      }
      if (starts == null || ends == null || (ctx.hasInput(3) && axes == null)) {
        return List.of(new TensorType(x.elemType(), dev.vireo.op.Dims.unknown(r)));
      }
    } else {
      starts = ctx.node().attrInts("starts", new long[0]);
      ends = ctx.node().attrInts("ends", new long[0]);
      axes = ctx.node().attrInts("axes", null);
    }
    List<Dim> out = new ArrayList<>(x.dims());
    for (int i = 0; i < starts.length && i < ends.length; i++) {
      long a = axes == null ? i : axes[i] < 0 ? axes[i] + r : axes[i];
      if (a < 0 || a >= r) {
        throw new IllegalArgumentException("Slice: axis " + (axes == null ? i : axes[i])
            + " is out of range for " + x);
      }
      Dim d = x.dims().get((int) a);
      long s = steps == null ? 1 : steps[i];
      if (!d.isKnown() || s == 0) {
        out.set((int) a, Dim.unknown());
        continue;
      }
      long dim = d.value();
      long st = starts[i] < 0 ? starts[i] + dim : starts[i];
      long en = ends[i] < 0 ? ends[i] + dim : ends[i];
      if (s > 0) {
        st = Math.max(0, Math.min(dim, st));
        en = Math.max(0, Math.min(dim, en));
      } else {
        st = Math.max(0, Math.min(dim - 1, st));
        en = Math.max(-1, Math.min(dim - 1, en));
      }
      long count = s > 0 ? (en - st + s - 1) / s : (st - en + (-s) - 1) / (-s);
      out.set((int) a, Dim.of(Math.max(0, count)));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
