package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * ScatterElements (and the older Scatter): a copy of data where {@code out[index[i][j]][j] =
 * updates[i][j]} for axis 0, and so on, combined by {@code reduction} (none; add and mul from
 * opset 16; max and min from 18) in index order. Any element type for none.
 */
public final class ScatterElementsKernel implements Kernel {
  private final long axis;
  private final Reduction reduction;

  public ScatterElementsKernel(Node n) {
    axis = n.attrInt("axis", 0);
    reduction = Reduction.parse(n.opType(), n.attrString("reduction", "none"), n.opset());
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor data = in[0];
    Tensor upd = in[2];
    if (!upd.shape().equals(in[1].shape()) || upd.dtype() != data.dtype()) {
      throw new IllegalArgumentException("ScatterElements: updates " + upd.describe()
          + " must have the indices' shape " + in[1].shape() + " and the data's type " + data.dtype());
    }
    int ax = Shape.normalizeAxis(axis, data.rank());
    int[] map = ElementsAlongAxis.offsets(data.shape(), in[1], ax, "ScatterElements");
    Tensor out = ctx.allocate(data.dtype(), data.shape());
    System.arraycopy(data.data(), 0, out.data(), 0, data.size());
    reduction.apply(data.dtype(), upd.data(), map, out.data());
    return new Tensor[] {out};
  }
}
