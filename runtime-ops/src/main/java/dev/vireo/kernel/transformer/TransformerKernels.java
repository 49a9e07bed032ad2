package dev.vireo.kernel.transformer;

import static dev.vireo.tensor.DType.FLOAT;

import dev.vireo.kernel.KernelFactory;
import dev.vireo.kernel.KernelRegistration;
import dev.vireo.kernel.KernelRegistry;
import java.util.Set;

/**
 * Registers the com.microsoft transformer kernels (opset 1 of that domain, f32): Gelu, BiasGelu,
 * FastGelu, SkipLayerNormalization and Attention.
 */
public final class TransformerKernels {
  /** The domain of onnxruntime's contrib operators. */
  public static final String MS_DOMAIN = "com.microsoft";

  private TransformerKernels() {}

  public static void register(KernelRegistry r) {
    add(r, "Gelu", GeluKernel::new);
    add(r, "BiasGelu", GeluKernel::new);
    add(r, "FastGelu", FastGeluKernel::new);
    add(r, "SkipLayerNormalization", SkipLayerNormKernel::new);
    add(r, "Attention", MsAttentionKernel::new);
  }

  private static void add(KernelRegistry r, String op, KernelFactory f) {
    r.add(new KernelRegistration(MS_DOMAIN, op, 1, KernelRegistry.LATEST, 0, Set.of(FLOAT), f));
  }
}
