package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Gather along {@code axis}: output dims are data[:axis] + indices + data[axis+1:]. Indices are
 * i32 or i64, negative ones count from the end; any out of range is an error naming it. Any
 * element type.
 */
public final class GatherKernel implements Kernel {
  private final long axis;

  public GatherKernel(Node n) {
    axis = n.attrInt("axis", 0);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor data = inputs[0];
    Tensor idx = inputs[1];
    if (idx.dtype() != DType.INT64 && idx.dtype() != DType.INT32) {
      throw new IllegalArgumentException("Gather indices must be int32 or int64, got " + idx.describe());
    }
    int r = data.rank();
    int ax = Shape.normalizeAxis(axis, r);
    int[] dd = data.shape().dims();
    int[] id = idx.shape().dims();
    int[] od = new int[r - 1 + id.length];
    System.arraycopy(dd, 0, od, 0, ax);
    System.arraycopy(id, 0, od, ax, id.length);
    System.arraycopy(dd, ax + 1, od, ax + id.length, r - ax - 1);
    Tensor out = ctx.allocate(data.dtype(), Shape.of(od));
    int outer = data.shape().sizeBetween(0, ax);
    int len = dd[ax];
    int inner = data.shape().sizeBetween(ax + 1, r);
    int count = idx.size();
    int[] pos = new int[count];
    for (int i = 0; i < count; i++) {
      long v = idx.dtype() == DType.INT64 ? idx.longs()[i] : idx.ints()[i];
      if (v < -len || v >= len) {
        throw new IllegalArgumentException("Gather: index " + v + " (at " + i + ") is out of range [" + (-len)
            + ", " + (len - 1) + "] for axis " + ax + " of " + data.describe());
      }
      pos[i] = (int) (v < 0 ? v + len : v);
    }
    Object src = data.data();
    Object dst = out.data();
    if (inner > 0) {
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < count; i++) {
          System.arraycopy(src, (o * len + pos[i]) * inner, dst, (o * count + i) * inner, inner);
        }
      }
    }
    return new Tensor[] {out};
  }
}
