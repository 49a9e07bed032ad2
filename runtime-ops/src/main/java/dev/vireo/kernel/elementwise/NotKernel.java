package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/** Not: element-wise negation of a bool tensor. */
public final class NotKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    boolean[] x = inputs[0].booleans();
    Tensor out = ctx.allocate(DType.BOOL, inputs[0].shape());
    boolean[] o = out.booleans();
    for (int i = 0; i < x.length; i++) {
      o[i] = !x[i];
    }
    return new Tensor[] {out};
  }
}
