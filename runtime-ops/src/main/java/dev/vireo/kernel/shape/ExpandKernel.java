package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.StridedCopy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Expand: broadcasts the input with the shape in input 1 (multidirectionally, so the result may
 * be larger than the requested shape in dims where the input is larger). Any element type.
 */
public final class ExpandKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    long[] req = Axes.values(inputs[1], "Expand shape");
    int[] target;
    try {
      target = Shape.of(req).dims();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expand: invalid shape " + java.util.Arrays.toString(req), e);
    }
    Broadcast bc = Broadcast.of(x.shape().dims(), target);
    Tensor out = ctx.allocate(x.dtype(), Shape.of(bc.outDims()));
    if (out.size() == 0) {
      return new Tensor[] {out};
    }
    int n = bc.inner();
    for (int r = 0; r < bc.rows(); r++) {
      StridedCopy.copy(x.data(), bc.offset(0, r), bc.step(0), out.data(), r * n, n);
    }
    return new Tensor[] {out};
  }
}
