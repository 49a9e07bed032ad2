package dev.vireo.kernel.norm;

import dev.vireo.kernel.KernelRegistry;

/** Registers the normalization kernels other than BatchNormalization and LayerNormalization. */
public final class NormKernels {
  private NormKernels() {}

  public static void register(KernelRegistry r) {
    r.add("RMSNormalization", 23, RmsNormalizationKernel::new, NormData.TYPES);
    // opset 18: scale and bias per group
    r.add("GroupNormalization", 18, 20, n -> new GroupNormalizationKernel(n, false), NormData.TYPES);
    // opset 21: scale and bias per channel; stash_type
    r.add("GroupNormalization", 21, n -> new GroupNormalizationKernel(n, true), NormData.TYPES);
    r.add("InstanceNormalization", 1, InstanceNormalizationKernel::new, NormData.TYPES);
    // opset 1 and 22 differ only in element types
    r.add("LpNormalization", 1, LpNormalizationKernel::new, NormData.TYPES);
    r.add("MeanVarianceNormalization", 9, MeanVarianceNormalizationKernel::new, NormData.TYPES);
    r.add("LRN", 1, LrnKernel::new, NormData.TYPES);
  }
}
