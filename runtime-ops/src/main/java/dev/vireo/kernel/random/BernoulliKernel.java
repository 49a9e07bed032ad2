package dev.vireo.kernel.random;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Bernoulli: each output element is 1 with the probability given by the input element (a float
 * in [0, 1]) and 0 otherwise, typed by {@code dtype} or else the input's type.
 */
public final class BernoulliKernel implements Kernel {
  private final DType dtype;
  private final Seeds seeds;

  BernoulliKernel(Node n) {
    dtype = n.hasAttr("dtype") ? DType.fromOnnx((int) n.attrInt("dtype", 0)) : null;
    seeds = new Seeds(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor p = inputs[0];
    SplittableRandom rng = seeds.next();
    double[] v = new double[p.size()];
    for (int i = 0; i < v.length; i++) {
      double q = p.getDouble(i);
      if (!(q >= 0 && q <= 1)) {
        throw new IllegalArgumentException("Bernoulli: probability " + q + " at index " + i
            + " is outside [0, 1] in " + p.describe());
      }
      v[i] = rng.nextDouble() < q ? 1 : 0;
    }
    return new Tensor[] {RandomOutput.of(ctx, dtype != null ? dtype : p.dtype(), p.shape(), v)};
  }
}
