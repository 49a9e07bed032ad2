package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.shape.CastKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * CastLike: input 0 converted, as Cast converts, to the element type of input 1 (whose values
 * are not read). Types Cast cannot produce or read are rejected with the CastLike op named.
 */
public final class CastLikeKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    DType to = inputs[1].dtype();
    if (!CastKernel.castable(to) || !CastKernel.castable(inputs[0].dtype())) {
      throw new IllegalArgumentException("CastLike from " + inputs[0].describe() + " to "
          + inputs[1].describe() + " is not supported");
    }
    // a CastKernel holds only its target type: building one per run costs nothing
    return new CastKernel(to).run(new Tensor[] {inputs[0]}, ctx);
  }
}
