package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.op.shape.ConstantDef;
import dev.vireo.tensor.Tensor;

/** Constant: returns its value, built once from the node's attributes by {@link ConstantDef#value}. */
public final class ConstantKernel implements Kernel {
  private final Tensor value;

  public ConstantKernel(Node n) {
    value = ConstantDef.value(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    return new Tensor[] {value};
  }
}
