package dev.vireo.op.index;

import dev.vireo.op.OpDefRegistry;

/** Registers the op definitions of the indexing, selection and counting ops. */
public final class IndexOps {
  private IndexOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new GatherElementsDef());
    r.register(new GatherNdDef());
    r.register(new SameShapeDef("Scatter"));
    r.register(new SameShapeDef("ScatterElements"));
    r.register(new SameShapeDef("ScatterND"));
    r.register(new SameShapeDef("CumSum"));
    r.register(new SameShapeDef("Trilu"));
    r.register(new TopKDef());
    r.register(new ArgExtremeDef("ArgMax"));
    r.register(new ArgExtremeDef("ArgMin"));
    r.register(new NonZeroDef());
    r.register(new OneHotDef());
    r.register(new SizeDef());
    r.register(new EyeLikeDef());
    r.register(new CompressDef());
    r.register(new UniqueDef());
  }
}
