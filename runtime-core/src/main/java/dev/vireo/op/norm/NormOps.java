package dev.vireo.op.norm;

import dev.vireo.op.OpDefRegistry;

/** Registers the normalization op definitions other than BatchNormalization and LayerNormalization. */
public final class NormOps {
  private NormOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new RmsNormalizationOp());
    r.register(new GroupNormalizationOp());
    r.register(new InstanceNormalizationOp());
    r.register(new LpNormalizationOp());
    r.register(new MeanVarianceNormalizationOp());
    r.register(new LrnOp());
  }
}
