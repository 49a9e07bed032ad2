package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Identity, and Dropout at inference: returns its input unchanged. Identity also passes
 * sequences and optionals (opset 14+ and 16+ allow them). Dropout's optional mask output is all
 * true; Dropout with training_mode (an input from opset 12) set to true is rejected.
 */
public final class IdentityKernel implements ValueKernel {
  private final boolean dropout;
  private final boolean mask;

  public IdentityKernel(Node n) {
    dropout = n.opType().equals("Dropout");
    mask = dropout && n.output(1) != null;
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Object x = inputs[0];
    if (!dropout) {
      return new Object[] {x};
    }
    if (!(x instanceof Tensor t)) {
      throw new IllegalArgumentException("Dropout needs a tensor input");
    }
    if (inputs.length > 2 && inputs[2] instanceof Tensor training && training.size() == 1
        && training.getLong(0) != 0) {
      throw new IllegalArgumentException("Dropout with training_mode=true is not supported (inference only)");
    }
    if (!mask) {
      return new Object[] {t};
    }
    Tensor m = ctx.allocate(DType.BOOL, t.shape());
    java.util.Arrays.fill(m.booleans(), true);
    return new Object[] {t, m};
  }
}
