package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * ArgMax and ArgMin: the int64 index of the first (or, with {@code select_last_index} from
 * opset 12, last) extreme element along {@code axis}; {@code keepdims} (default 1) keeps the
 * reduced axis as size 1.
 */
public final class ArgExtremeKernel implements Kernel {
  private final boolean max;
  private final long axis;
  private final boolean keepDims;
  private final boolean last;

  public ArgExtremeKernel(Node n, boolean max) {
    this.max = max;
    axis = n.attrInt("axis", 0);
    keepDims = n.attrInt("keepdims", 1) != 0;
    // opset 12: select_last_index
    last = n.attrInt("select_last_index", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    String op = max ? "ArgMax" : "ArgMin";
    int ax = Shape.normalizeAxis(axis, x.rank());
    int len = x.shape().dim(ax);
    int[] d = x.shape().dims();
    int outer = x.shape().sizeBetween(0, ax);
    int inner = x.shape().sizeBetween(ax + 1, x.rank());
    if (len == 0 && outer * inner > 0) {
      throw new IllegalArgumentException(op + ": axis " + ax + " of " + x.describe() + " is empty");
    }
    int[] od;
    if (keepDims) {
      od = d.clone();
      od[ax] = 1;
    } else {
      od = new int[d.length - 1];
      System.arraycopy(d, 0, od, 0, ax);
      System.arraycopy(d, ax + 1, od, ax, d.length - ax - 1);
    }
    ElementOrder order = new ElementOrder(x, op);
    Tensor out = ctx.allocate(DType.INT64, Shape.of(od));
    long[] r = out.longs();
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        int best = 0;
        for (int e = 1; e < len; e++) {
          int c = order.compare(base + e * inner, base + best * inner);
          if (max ? c > 0 || c == 0 && last : c < 0 || c == 0 && last) {
            best = e;
          }
        }
        r[o * inner + i] = best;
      }
    }
    return new Tensor[] {out};
  }
}
