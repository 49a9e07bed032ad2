package dev.vireo.op.transformer;

import dev.vireo.op.OpDefRegistry;

/**
 * Registers the com.microsoft transformer op definitions that Vireo's fusions produce and that
 * onnxruntime-optimized models contain: Gelu, BiasGelu, FastGelu, SkipLayerNormalization and
 * Attention.
 */
public final class TransformerOps {
  /** The domain of onnxruntime's contrib operators. */
  public static final String MS_DOMAIN = "com.microsoft";

  private TransformerOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new ElementwiseContribDef("Gelu", 1));
    r.register(new ElementwiseContribDef("BiasGelu", 2));
    r.register(new ElementwiseContribDef("FastGelu", 1));
    r.register(new SkipLayerNormalizationDef());
    r.register(new MsAttentionDef());
  }
}
