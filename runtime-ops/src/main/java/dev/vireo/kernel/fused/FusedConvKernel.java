package dev.vireo.kernel.fused;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.nn.ConvKernel;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft FusedConv: {@code Y = activation(Conv(X, W, B) + Z)} with onnxruntime's inputs
 * (X, W, optional B, optional Z of Y's shape) and attributes (Conv's, plus {@code activation} and
 * {@code activation_params}, see {@link FusedActivation}). f32 only.
 */
public final class FusedConvKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final Kernel conv;
  private final FusedActivation activation;

  public FusedConvKernel(Node n) {
    this.conv = new ConvKernel(n);
    this.activation = FusedActivation.ofConv(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor[] convInputs = {inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null};
    Tensor y = conv.run(convInputs, ctx)[0];
    Tensor z = inputs.length > 3 ? inputs[3] : null;
    if (z != null && !z.shape().equals(y.shape())) {
      throw new IllegalArgumentException("FusedConv: Z must have Y's shape " + y.shape() + ", got "
          + z.describe());
    }
    float[] out = y.floats();
    float[] add = z == null ? null : z.floats();
    ctx.parallelFor(out.length, GRAIN, (from, to) -> {
      if (add != null) {
        for (int i = from; i < to; i++) {
          out[i] += add[i];
        }
      }
      activation.apply(out, from, to);
    });
    return new Tensor[] {y};
  }
}
