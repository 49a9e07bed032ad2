package dev.vireo.op.shape;

import dev.vireo.op.OpDefRegistry;

/** Registers the op definitions that move or describe data without arithmetic. */
public final class ShapeOps {
  private ShapeOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new IdentityDef("Identity"));
    r.register(new IdentityDef("Dropout"));
    r.register(new ReshapeDef());
    r.register(new FlattenDef());
    r.register(new TransposeDef());
    r.register(new ConcatDef());
    r.register(new ConstantDef());
    r.register(new ShapeDef());
    r.register(new GatherDef());
    r.register(new SqueezeDef(false));
    r.register(new SqueezeDef(true));
    r.register(new ExpandDef());
    r.register(new SliceDef());
    r.register(new ConstantOfShapeDef());
    r.register(new RangeDef());
  }
}
