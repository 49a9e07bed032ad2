package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * InstanceNormalization (opset 1+): normalizes each (instance, channel) of X {@code (N, C, D1,
 * ...)} over its spatial dims and applies the per-channel scale and B. Statistics in double.
 */
public final class InstanceNormalizationKernel implements Kernel {
  private final double epsilon;

  public InstanceNormalizationKernel(Node n) {
    epsilon = n.attrFloat("epsilon", 1e-5f);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    if (x.rank() < 2) {
      throw new IllegalArgumentException("InstanceNormalization: input must have rank >= 2, got " + x.describe());
    }
    int c = x.shape().dim(1);
    for (int k = 1; k <= 2; k++) {
      if (in[k].size() != c || in[k].rank() != 1) {
        throw new IllegalArgumentException("InstanceNormalization: " + (k == 1 ? "scale" : "B")
            + " must have shape [" + c + "] for input " + x.describe() + ", got " + in[k].describe());
      }
    }
    return new Tensor[] {GroupNormalizationKernel.normalize(ctx, x, c, NormData.read(in[1]),
        NormData.read(in[2]), true, epsilon)};
  }
}
