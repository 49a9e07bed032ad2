package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Concat along {@code axis} (negative from opset 11), any element type; empty inputs allowed. */
public final class ConcatKernel implements Kernel {
  private final long axis;

  public ConcatKernel(Node n) {
    if (!n.hasAttr("axis")) {
      throw new IllegalArgumentException("Concat needs the axis attribute");
    }
    axis = n.attrInt("axis", 0);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor first = inputs[0];
    int r = first.rank();
    int ax = Shape.normalizeAxis(axis, r);
    int[] od = first.shape().dims();
    od[ax] = 0;
    for (Tensor t : inputs) {
      if (t.rank() != r || t.dtype() != first.dtype()) {
        throw new IllegalArgumentException("Concat: inputs differ in type or rank: " + first.describe()
            + " and " + t.describe());
      }
      for (int i = 0; i < r; i++) {
        if (i != ax && t.shape().dim(i) != first.shape().dim(i)) {
          throw new IllegalArgumentException("Concat on axis " + ax + ": " + first.describe() + " and "
              + t.describe() + " differ in dim " + i);
        }
      }
      od[ax] += t.shape().dim(ax);
    }
    Tensor out = ctx.allocate(first.dtype(), Shape.of(od));
    int outer = first.shape().sizeBetween(0, ax);
    int outRow = out.shape().sizeBetween(ax, r);
    int pos = 0;
    for (Tensor t : inputs) {
      int row = t.shape().sizeBetween(ax, r);
      for (int o = 0; o < outer && row > 0; o++) {
        System.arraycopy(t.data(), o * row, out.data(), o * outRow + pos, row);
      }
      pos += row;
    }
    return new Tensor[] {out};
  }
}
