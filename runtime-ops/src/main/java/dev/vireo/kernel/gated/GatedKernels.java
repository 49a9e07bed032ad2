package dev.vireo.kernel.gated;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers the gated activation kernels: SwiGLU. */
public final class GatedKernels {
  private GatedKernels() {}

  public static void register(KernelRegistry r) {
    r.add("SwiGLU", 28, SwiGluKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
  }
}
