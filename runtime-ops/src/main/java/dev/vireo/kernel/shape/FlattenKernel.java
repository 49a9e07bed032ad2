package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Flatten: a view of shape [prod(dims[:axis]), prod(dims[axis:])]; axis in [-rank, rank]
 * (negative from opset 11), default 1.
 */
public final class FlattenKernel implements Kernel {
  private final long axis;

  public FlattenKernel(Node n) {
    axis = n.attrInt("axis", 1);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    int r = x.rank();
    long a = axis < 0 ? axis + r : axis;
    if (a < 0 || a > r) {
      throw new IllegalArgumentException("Flatten: axis " + axis + " is out of range for " + x.describe());
    }
    Shape s = x.shape();
    return new Tensor[] {x.reshape(Shape.of(s.sizeBetween(0, (int) a), s.sizeBetween((int) a, r)))};
  }
}
