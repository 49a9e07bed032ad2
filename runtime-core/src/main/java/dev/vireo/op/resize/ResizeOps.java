package dev.vireo.op.resize;

import dev.vireo.op.OpDefRegistry;

/** Registers the op definitions of Resize and Upsample. */
public final class ResizeOps {
  private ResizeOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new ResizeDef("Resize"));
    r.register(new ResizeDef("Upsample"));
  }
}
