package dev.vireo.op.norm;

import dev.vireo.op.OpDefRegistry;

/** Registers the normalization op definitions other than BatchNormalization and LayerNormalization. */
public final class NormOps {
  private NormOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new RmsNormalizationDef());
    r.register(new GroupNormalizationDef());
    r.register(new InstanceNormalizationDef());
    r.register(new LpNormalizationDef());
    r.register(new MeanVarianceNormalizationDef());
    r.register(new LrnDef());
  }
}
