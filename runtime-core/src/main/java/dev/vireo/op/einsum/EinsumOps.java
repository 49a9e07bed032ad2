package dev.vireo.op.einsum;

import dev.vireo.op.OpDefRegistry;

/** Registers Einsum. */
public final class EinsumOps {
  private EinsumOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new Einsum());
  }
}
