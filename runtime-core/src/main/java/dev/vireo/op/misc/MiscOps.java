package dev.vireo.op.misc;

import dev.vireo.op.OpDefRegistry;

/** Registers the remaining ai.onnx ops that belong to no larger family. */
public final class MiscOps {
  private MiscOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new SameAsInputDef("CumProd"));
    r.register(new SameAsInputDef("ReverseSequence"));
    r.register(new SameAsInputDef("TensorScatter"));
    r.register(new BitCastDef());
    r.register(new DetDef());
    r.register(new CenterCropPadDef());
    r.register(new Col2ImDef());
    r.register(new AffineGridDef());
    r.register(new DeformConvDef());
  }
}
