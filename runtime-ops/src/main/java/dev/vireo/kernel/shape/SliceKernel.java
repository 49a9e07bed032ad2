package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.StridedCopy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Slice: before opset 10 starts, ends and axes are attributes (step 1); from opset 10 they are
 * inputs 1..4 (axes and steps optional, steps may be negative). Starts and ends are clamped as
 * the spec says; any element type.
 */
public final class SliceKernel implements Kernel {
  private final boolean fromInputs;
  private final long[] attrStarts;
  private final long[] attrEnds;
  private final long[] attrAxes;

  public SliceKernel(Node n) {
    // opset 10: starts, ends, axes moved to inputs and steps were added
    fromInputs = n.opset() >= 10;
    attrStarts = fromInputs ? null : n.attrInts("starts", null);
    attrEnds = fromInputs ? null : n.attrInts("ends", null);
    attrAxes = fromInputs ? null : n.attrInts("axes", null);
    if (!fromInputs && (attrStarts == null || attrEnds == null)) {
      throw new IllegalArgumentException("Slice before opset 10 needs the starts and ends attributes");
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    long[] starts = fromInputs ? Axes.values(inputs[1], "Slice starts") : attrStarts;
    long[] ends = fromInputs ? Axes.values(inputs[2], "Slice ends") : attrEnds;
    long[] axes = fromInputs ? (inputs.length > 3 && inputs[3] != null ? Axes.values(inputs[3], "Slice axes") : null)
        : attrAxes;
    long[] steps = fromInputs && inputs.length > 4 && inputs[4] != null ? Axes.values(inputs[4], "Slice steps") : null;
    int r = x.rank();
    if (ends.length != starts.length || (axes != null && axes.length != starts.length)
        || (steps != null && steps.length != starts.length)) {
      throw new IllegalArgumentException("Slice: starts " + Arrays.toString(starts) + ", ends "
          + Arrays.toString(ends) + ", axes and steps must have the same length");
    }
    int[] ax = axes == null ? null : Axes.normalize(axes, r, "Slice axes");
    int[] d = x.shape().dims();
    int[] first = new int[r];
    int[] step = new int[r];
    int[] od = d.clone();
    Arrays.fill(step, 1);
    for (int i = 0; i < starts.length; i++) {
      int a = ax == null ? i : ax[i];
      if (a >= r) {
        throw new IllegalArgumentException("Slice: " + starts.length + " starts for " + x.describe());
      }
      long s = steps == null ? 1 : steps[i];
      if (s == 0) {
        throw new IllegalArgumentException("Slice: step 0 on axis " + a);
      }
      long dim = d[a];
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
      od[a] = (int) Math.max(0, count);
      first[a] = (int) st;
      step[a] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }
    Tensor out = ctx.allocate(x.dtype(), Shape.of(od));
    if (out.size() == 0) {
      return new Tensor[] {out};
    }
    if (r == 0) {
      return new Tensor[] {x};
    }
    int[] st = x.shape().strides();
    int base = 0;
    for (int i = 0; i < r; i++) {
      base += first[i] * st[i];
    }
    int inner = od[r - 1];
    int rows = out.size() / inner;
    for (int row = 0; row < rows; row++) {
      int off = base;
      int q = row;
      for (int k = r - 2; k >= 0; k--) {
        off += (q % od[k]) * step[k] * st[k];
        q /= od[k];
      }
      StridedCopy.copy(x.data(), off, step[r - 1], out.data(), row * inner, inner);
    }
    return new Tensor[] {out};
  }
}
