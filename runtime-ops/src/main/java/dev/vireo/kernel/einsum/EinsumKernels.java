package dev.vireo.kernel.einsum;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT16;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.INT16;
import static dev.vireo.tensor.DType.INT32;
import static dev.vireo.tensor.DType.INT64;
import static dev.vireo.tensor.DType.INT8;
import static dev.vireo.tensor.DType.UINT16;
import static dev.vireo.tensor.DType.UINT32;
import static dev.vireo.tensor.DType.UINT64;
import static dev.vireo.tensor.DType.UINT8;

import dev.vireo.kernel.KernelRegistry;

/** Registers Einsum. */
public final class EinsumKernels {
  private EinsumKernels() {}

  public static void register(KernelRegistry r) {
    r.add("Einsum", 12, EinsumKernel::new, FLOAT, DOUBLE, FLOAT16, BFLOAT16, INT8, UINT8, INT16, UINT16,
        INT32, INT64, UINT32, UINT64);
  }
}
