package dev.vireo.op.layout;

import dev.vireo.op.OpDefRegistry;

/** Registers the op definitions of Pad, Tile, Split, DepthToSpace and SpaceToDepth. */
public final class LayoutOps {
  private LayoutOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new PadDef());
    r.register(new TileDef());
    r.register(new SplitDef());
    r.register(new DepthSpaceDef(true));
    r.register(new DepthSpaceDef(false));
  }
}
