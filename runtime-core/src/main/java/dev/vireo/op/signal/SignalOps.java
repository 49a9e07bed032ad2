package dev.vireo.op.signal;

import dev.vireo.op.OpDefRegistry;

/** Registers the signal-processing ops. */
public final class SignalOps {
  private SignalOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new WindowDef("HannWindow"));
    r.register(new WindowDef("HammingWindow"));
    r.register(new WindowDef("BlackmanWindow"));
    r.register(new DftDef());
    r.register(new StftDef());
    r.register(new MelWeightMatrixDef());
  }
}
