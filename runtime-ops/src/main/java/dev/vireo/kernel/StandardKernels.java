package dev.vireo.kernel;

/** The registry of every kernel Vireo ships, built once. */
public final class StandardKernels {
  private static final KernelRegistry REGISTRY = build();

  private StandardKernels() {}

  public static KernelRegistry registry() {
    return REGISTRY;
  }

  private static KernelRegistry build() {
    KernelRegistry r = new KernelRegistry();
    // One line per operator family; each family registers its kernels with their opset ranges.
    dev.vireo.kernel.elementwise.ElementwiseKernels.register(r);
    dev.vireo.kernel.math.MathKernels.register(r);
    dev.vireo.kernel.nn.NnKernels.register(r);
    dev.vireo.kernel.shape.ShapeKernels.register(r);
    dev.vireo.kernel.layout.LayoutKernels.register(r);
    dev.vireo.kernel.index.IndexKernels.register(r);
    dev.vireo.kernel.resize.ResizeKernels.register(r);
    dev.vireo.kernel.rnn.RecurrentKernels.register(r);
    dev.vireo.kernel.attention.AttentionKernels.register(r);
    dev.vireo.kernel.norm.NormKernels.register(r);
    dev.vireo.kernel.control.ControlFlowKernels.register(r);
    dev.vireo.kernel.sequence.SequenceKernels.register(r);
    dev.vireo.kernel.reduce.ReduceKernels.register(r);
    dev.vireo.kernel.loss.LossKernels.register(r);
    dev.vireo.kernel.convt.ConvTransposeKernels.register(r);
    dev.vireo.kernel.detect.DetectKernels.register(r);
    dev.vireo.kernel.einsum.EinsumKernels.register(r);
    dev.vireo.kernel.text.TextKernels.register(r);
    dev.vireo.kernel.signal.SignalKernels.register(r);
    dev.vireo.kernel.misc.MiscKernels.register(r);
    dev.vireo.kernel.quant.QuantKernels.register(r);
    dev.vireo.kernel.quantcontrib.QuantContribKernels.register(r);
    dev.vireo.kernel.vireo.VireoKernels.register(r);
    dev.vireo.kernel.gated.GatedKernels.register(r);
    dev.vireo.kernel.stateful.StatefulKernels.register(r);
    dev.vireo.kernel.random.RandomKernels.register(r);
    dev.vireo.kernel.transformer.TransformerKernels.register(r);
    dev.vireo.kernel.fused.FusedKernels.register(r);
    return r;
  }
}
