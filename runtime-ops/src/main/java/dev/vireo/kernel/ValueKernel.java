package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.Tensor;

/**
 * A kernel whose inputs or outputs may be sequences ({@link dev.vireo.tensor.TensorSequence}) or
 * optionals ({@link dev.vireo.tensor.OptionalValue}) as well as tensors; the executor calls
 * {@link #runValues} for it.
 *
 * <p>For nodes with subgraph attributes, the executor appends the outer-scope values the
 * subgraphs read after the node's declared inputs, in the order of {@link
 * dev.vireo.exec.ExecutionPlan#capturedValues}.
 */
public interface ValueKernel extends Kernel {
  /** Computes the node's outputs from runtime values (Tensor, TensorSequence, OptionalValue, or null for omitted). */
  Object[] runValues(Object[] inputs, ExecContext ctx);

  @Override
  default Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Object[] out = runValues(inputs, ctx);
    Tensor[] t = new Tensor[out.length];
    for (int i = 0; i < out.length; i++) {
      t[i] = (Tensor) out[i];
    }
    return t;
  }
}
