package dev.vireo.kernel.vireo;

import dev.vireo.kernel.KernelFactory;
import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.quant.MatMulIntegerRowScaledKernel;
import dev.vireo.kernel.quant.RowQuantizeKernel;
import dev.vireo.op.vireo.VireoOps;
import dev.vireo.tensor.DType;
import java.util.Set;

/** Registers the kernels of Vireo's own operators (domain dev.vireo, opset 1). */
public final class VireoKernels {
  private VireoKernels() {}

  public static void register(KernelRegistry r) {
    add(r, "RowQuantize", n -> new RowQuantizeKernel(), DType.FLOAT);
    add(r, "MatMulIntegerRowScaled", MatMulIntegerRowScaledKernel::new, DType.UINT8, DType.INT8);
  }

  private static void add(KernelRegistry r, String op, KernelFactory f, DType... types) {
    r.add(new KernelRegistration(VireoOps.DOMAIN, op, 1, KernelRegistry.LATEST, 0, Set.of(types), f));
  }
}
