package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * GatherElements: {@code out[i][j][k] = data[index[i][j][k]][j][k]} for axis 0, and so on; the
 * output has the indices' shape. Any element type.
 */
public final class GatherElementsKernel implements Kernel {
  private final long axis;

  public GatherElementsKernel(Node n) {
    axis = n.attrInt("axis", 0);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor data = in[0];
    int ax = Shape.normalizeAxis(axis, data.rank());
    int[] map = ElementsAlongAxis.offsets(data.shape(), in[1], ax, "GatherElements");
    return new Tensor[] {Elements.gathered(ctx, data, in[1].shape(), map)};
  }
}
