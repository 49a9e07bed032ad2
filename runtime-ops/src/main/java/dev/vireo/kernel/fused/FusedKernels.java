package dev.vireo.kernel.fused;

import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;
import java.util.Set;

/** Registers the kernels of onnxruntime's fused contrib ops (com.microsoft, opset 1 on). */
public final class FusedKernels {
  private FusedKernels() {}

  public static void register(KernelRegistry r) {
    r.add(new KernelRegistration("com.microsoft", "FusedConv", 1, KernelRegistry.LATEST, 0,
        Set.of(DType.FLOAT), FusedConvKernel::new));
    r.add(new KernelRegistration("com.microsoft", "FusedGemm", 1, KernelRegistry.LATEST, 0,
        Set.of(DType.FLOAT), FusedGemmKernel::new));
  }
}
