package dev.vireo.op.vireo;

import dev.vireo.op.OpDefRegistry;

/**
 * Registers Vireo's own operators, domain {@value #DOMAIN}: fused forms that only Vireo's
 * optimizer emits (never in a portable model), each computing exactly what the standard-op
 * pattern it replaces computes.
 */
public final class VireoOps {
  /** The domain of Vireo-internal operators. */
  public static final String DOMAIN = "dev.vireo";

  private VireoOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new RowQuantizeDef());
    r.register(new MatMulIntegerRowScaledDef());
  }
}
