package dev.vireo.op.control;

import dev.vireo.op.OpDefRegistry;

/** Registers the control-flow op definitions; their subgraphs are inferred with the same registry. */
public final class ControlOps {
  private ControlOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new IfDef(r));
    r.register(new LoopDef(r));
    r.register(new ScanDef(r));
    r.register(new SequenceMapDef(r));
  }
}
