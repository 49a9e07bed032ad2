package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * OneHot: inserts an axis of size {@code depth} at {@code axis} (default -1, the last); the
 * element is values[1] where the index equals its position and values[0] elsewhere. Indices
 * outside [-depth, depth) give an all-off row; negative ones count from the end. The output has
 * the type of values.
 */
public final class OneHotKernel implements Kernel {
  private final long axis;

  public OneHotKernel(Node n) {
    axis = n.attrInt("axis", -1);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor idx = in[0];
    Tensor depthT = in[1];
    Tensor values = in[2];
    if (depthT.size() != 1 || values.size() != 2) {
      throw new IllegalArgumentException("OneHot: depth " + depthT.describe() + " must hold one value and values "
          + values.describe() + " two");
    }
    long depth = (long) depthT.getDouble(0);
    if (depth < 1) {
      throw new IllegalArgumentException("OneHot: depth must be positive, got " + depth);
    }
    int r = idx.rank() + 1;
    int ax = Shape.normalizeAxis(axis, r);
    int[] d = idx.shape().dims();
    long[] od = new long[r];
    for (int k = 0, s = 0; k < r; k++) {
      od[k] = k == ax ? depth : d[s++];
    }
    Shape shape = Shape.of(od);
    int outer = idx.shape().sizeBetween(0, ax);
    int inner = idx.shape().sizeBetween(ax, idx.rank());
    int dd = (int) depth;
    int[] map = new int[shape.size()];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        long v = (long) idx.getDouble(o * inner + i);
        if (v < 0) {
          v += depth;
        }
        if (v >= 0 && v < depth) {
          map[(o * dd + (int) v) * inner + i] = 1;
        }
      }
    }
    return new Tensor[] {Elements.gathered(ctx, values, shape, map)};
  }
}
