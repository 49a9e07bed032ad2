package dev.vireo.op.attention;

import dev.vireo.op.OpDefRegistry;

/** Registers the attention op definitions: Attention and RotaryEmbedding. */
public final class AttentionOps {
  private AttentionOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new AttentionDef());
    r.register(new RotaryEmbeddingDef());
  }
}
