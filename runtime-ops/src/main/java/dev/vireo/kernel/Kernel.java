package dev.vireo.kernel;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.Tensor;

/**
 * The computation of one node, with its attributes already resolved.
 *
 * <p>A kernel is created once per node at plan time and then called from any number of runs at
 * once: it must keep no per-run state. It allocates its outputs through {@link
 * ExecContext#allocate} (so the executor can later reuse buffers), never writes into its inputs,
 * and may return an input or a view of one as an output (Identity, Reshape).
 */
@FunctionalInterface
public interface Kernel {
  /**
   * Computes the node's outputs.
   *
   * @param inputs one tensor per node input; null for an omitted optional input
   * @return one tensor per node output; null for an output the node does not produce
   * @throws IllegalArgumentException when the inputs do not fit the op (the executor adds the
   *     node's name, op and opset to the message)
   */
  Tensor[] run(Tensor[] inputs, ExecContext ctx);
}
