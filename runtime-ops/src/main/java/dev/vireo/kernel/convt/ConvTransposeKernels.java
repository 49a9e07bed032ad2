package dev.vireo.kernel.convt;

import static dev.vireo.tensor.DType.BFLOAT16;
import static dev.vireo.tensor.DType.DOUBLE;
import static dev.vireo.tensor.DType.FLOAT;
import static dev.vireo.tensor.DType.FLOAT16;

import dev.vireo.kernel.KernelRegistry;

/** Registers ConvTranspose, LpPool, GlobalLpPool and MaxUnpool. */
public final class ConvTransposeKernels {
  private ConvTransposeKernels() {}

  public static void register(KernelRegistry r) {
    // opsets 1-10: with output_shape, SAME_UPPER puts the larger half of the padding first
    r.add("ConvTranspose", 1, 10, ConvTransposeKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 11: with output_shape, SAME_UPPER puts the smaller half first (opset 22 adds types)
    r.add("ConvTranspose", 11, ConvTransposeKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 2: p became an int; 11: pads semantics clarified; 18: dilations and ceil_mode
    r.add("LpPool", 1, LpPoolKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 2: p became an int
    r.add("GlobalLpPool", 1, GlobalLpPoolKernel::new, FLOAT, FLOAT16, BFLOAT16, DOUBLE);
    // opset 11: optional output_shape input
    r.add("MaxUnpool", 9, MaxUnpoolKernel::new);
  }
}
