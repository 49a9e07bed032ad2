package dev.vireo.op.nn;

import dev.vireo.op.OpDefRegistry;

/** Registers the convolution, pooling and normalization op definitions. */
public final class NnOps {
  private NnOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new ConvDef());
    r.register(new PoolDef("MaxPool"));
    r.register(new PoolDef("AveragePool"));
    r.register(new GlobalPoolDef("GlobalAveragePool"));
    r.register(new GlobalPoolDef("GlobalMaxPool"));
    r.register(new BatchNormalizationDef());
    r.register(new LayerNormalizationDef());
  }
}
