package dev.vireo.kernel.loss;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * NegativeLogLikelihoodLoss: input [N, C, d...] of log-probabilities, target [N, d...], optional
 * weight [C]; reduction none, sum or mean (see {@link ClassLoss}). f32, f64, f16, bf16.
 */
public final class NegativeLogLikelihoodLossKernel implements Kernel {
  private final ClassLoss loss;

  NegativeLogLikelihoodLossKernel(Node n) {
    loss = new ClassLoss(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor weight = inputs.length > 2 ? inputs[2] : null;
    return new Tensor[] {
        loss.loss(ClassLoss.toDoubles(x), x.shape(), inputs[1], weight, x.dtype(), ctx)};
  }
}
