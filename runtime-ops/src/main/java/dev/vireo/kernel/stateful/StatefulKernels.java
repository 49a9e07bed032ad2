package dev.vireo.kernel.stateful;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/**
 * Registers the kernels of sequence ops that carry state between calls: CausalConvWithState and
 * LinearAttention.
 */
public final class StatefulKernels {
  private StatefulKernels() {}

  public static void register(KernelRegistry r) {
    r.add("CausalConvWithState", 27, CausalConvWithStateKernel::new, FLOAT, FLOAT16, BFLOAT16);
    r.add("LinearAttention", 27, LinearAttentionKernel::new, FLOAT, FLOAT16, BFLOAT16);
  }
}
