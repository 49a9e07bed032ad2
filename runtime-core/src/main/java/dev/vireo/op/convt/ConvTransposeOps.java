package dev.vireo.op.convt;

import dev.vireo.op.OpDefRegistry;

/** Registers ConvTranspose, LpPool, GlobalLpPool and MaxUnpool. */
public final class ConvTransposeOps {
  private ConvTransposeOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new ConvTranspose());
    r.register(new LpPool());
    r.register(new GlobalLpPool());
    r.register(new MaxUnpool());
  }
}
