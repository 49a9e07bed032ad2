package dev.vireo.kernel.fused;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.nn.ConvKernel;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft FusedConv: {@code Y = activation(Conv(X, W, B) + Z)} with onnxruntime's inputs
 * (X, W, optional B, optional Z of Y's shape) and attributes (Conv's, plus {@code activation} and
 * {@code activation_params}, see {@link FusedActivation}). f32 only.
 */
public final class FusedConvKernel implements Kernel {
  private final Kernel conv;

  /** The activation and residual run inside the convolution's tiles (no second pass over Y). */
  public FusedConvKernel(Node n) {
    FusedActivation act = FusedActivation.ofConv(n);
    BiasActivation.Kind kind = act.name() == null ? BiasActivation.Kind.NONE : switch (act.name()) {
      case "Relu" -> BiasActivation.Kind.RELU;
      case "Tanh" -> BiasActivation.Kind.TANH;
      case "Sigmoid" -> BiasActivation.Kind.SIGMOID;
      case "LeakyRelu" -> BiasActivation.Kind.LEAKY_RELU;
      case "Clip" -> BiasActivation.Kind.CLIP;
      case "HardSigmoid" -> BiasActivation.Kind.HARD_SIGMOID;
      default -> throw new IllegalArgumentException("unsupported fused activation '" + act.name() + "'");
    };
    this.conv = new ConvKernel(n, kind, act.a(), act.b());
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    return conv.run(inputs, ctx);
  }
}
