package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Identity, and Dropout at inference: returns its input unchanged. Dropout's optional mask output
 * is all true. Dropout with training_mode (an input from opset 12) set to true is rejected.
 */
public final class IdentityKernel implements Kernel {
  private final boolean dropout;
  private final boolean mask;

  public IdentityKernel(Node n) {
    dropout = n.opType().equals("Dropout");
    mask = dropout && n.output(1) != null;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    if (dropout && inputs.length > 2 && inputs[2] != null && inputs[2].size() == 1
        && inputs[2].getLong(0) != 0) {
      throw new IllegalArgumentException("Dropout with training_mode=true is not supported (inference only)");
    }
    if (!mask) {
      return new Tensor[] {x};
    }
    Tensor m = ctx.allocate(DType.BOOL, x.shape());
    java.util.Arrays.fill(m.booleans(), true);
    return new Tensor[] {x, m};
  }
}
