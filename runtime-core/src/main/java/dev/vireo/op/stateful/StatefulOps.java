package dev.vireo.op.stateful;

import dev.vireo.op.OpDefRegistry;

/**
 * Registers the op definitions of sequence ops that carry state between calls:
 * CausalConvWithState and LinearAttention.
 */
public final class StatefulOps {
  private StatefulOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new CausalConvWithStateDef());
    r.register(new LinearAttentionDef());
  }
}
