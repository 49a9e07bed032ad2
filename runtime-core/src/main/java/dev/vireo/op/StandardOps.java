package dev.vireo.op;

/** The registry of every operator definition (shape inference) Vireo ships, built once. */
public final class StandardOps {
  private static final OpDefRegistry REGISTRY = build();

  private StandardOps() {}

  public static OpDefRegistry registry() {
    return REGISTRY;
  }

  private static OpDefRegistry build() {
    OpDefRegistry r = new OpDefRegistry();
    // One line per operator family.
    dev.vireo.op.math.MathOps.register(r);
    dev.vireo.op.nn.NnOps.register(r);
    dev.vireo.op.shape.ShapeOps.register(r);
    dev.vireo.op.layout.LayoutOps.register(r);
    dev.vireo.op.index.IndexOps.register(r);
    dev.vireo.op.resize.ResizeOps.register(r);
    dev.vireo.op.rnn.RecurrentOps.register(r);
    dev.vireo.op.attention.AttentionOps.register(r);
    dev.vireo.op.norm.NormOps.register(r);
    dev.vireo.op.control.ControlOps.register(r);
    dev.vireo.op.sequence.SequenceOps.register(r);
    dev.vireo.op.reduce.ReduceOps.register(r);
    dev.vireo.op.loss.LossOps.register(r);
    dev.vireo.op.convt.ConvTransposeOps.register(r);
    dev.vireo.op.detect.DetectOps.register(r);
    dev.vireo.op.einsum.EinsumOps.register(r);
    dev.vireo.op.text.TextOps.register(r);
    dev.vireo.op.signal.SignalOps.register(r);
    dev.vireo.op.misc.MiscOps.register(r);
    dev.vireo.op.quant.QuantOps.register(r);
    dev.vireo.op.quantcontrib.QuantContribOps.register(r);
    dev.vireo.op.vireo.VireoOps.register(r);
    dev.vireo.op.gated.GatedOps.register(r);
    dev.vireo.op.stateful.StatefulOps.register(r);
    dev.vireo.op.random.RandomOps.register(r);
    dev.vireo.op.transformer.TransformerOps.register(r);
    dev.vireo.op.fused.FusedOps.register(r);
    return r;
  }
}
