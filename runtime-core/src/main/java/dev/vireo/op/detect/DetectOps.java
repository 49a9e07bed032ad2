package dev.vireo.op.detect;

import dev.vireo.op.OpDefRegistry;

/** Registers NonMaxSuppression, GridSample and RoiAlign. */
public final class DetectOps {
  private DetectOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new NonMaxSuppression());
    r.register(new GridSample());
    r.register(new RoiAlign());
  }
}
