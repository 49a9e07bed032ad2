package dev.vireo.op.gated;

import dev.vireo.op.OpDefRegistry;

/** Registers the gated activation op definitions: SwiGLU. */
public final class GatedOps {
  private GatedOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new SwiGluDef());
  }
}
