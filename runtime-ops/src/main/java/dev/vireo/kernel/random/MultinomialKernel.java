package dev.vireo.kernel.random;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Multinomial: for each row of [batch, classes] unnormalized log-probabilities, draws
 * sample_size class indices independently with probability proportional to {@code exp(x)};
 * output [batch, sample_size] of int32 (default) or int64.
 */
public final class MultinomialKernel implements Kernel {
  private final int samples;
  private final DType dtype;
  private final Seeds seeds;

  MultinomialKernel(Node n) {
    samples = (int) n.attrInt("sample_size", 1);
    dtype = DType.fromOnnx((int) n.attrInt("dtype", DType.INT32.onnxCode()));
    if (samples < 1 || (dtype != DType.INT32 && dtype != DType.INT64)) {
      throw new IllegalArgumentException("Multinomial: sample_size " + samples + " must be >= 1 and dtype "
          + dtype + " int32 or int64");
    }
    seeds = new Seeds(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    if (x.rank() != 2 || x.shape().dim(1) < 1) {
      throw new IllegalArgumentException("Multinomial needs [batch, classes] with classes >= 1, got "
          + x.describe());
    }
    int batch = x.shape().dim(0);
    int classes = x.shape().dim(1);
    SplittableRandom rng = seeds.next();
    double[] v = new double[batch * samples];
    double[] cdf = new double[classes];
    for (int b = 0; b < batch; b++) {
      // subtracting the row max keeps exp finite without changing the proportions
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, x.getDouble(b * classes + k));
      }
      double total = 0;
      for (int k = 0; k < classes; k++) {
        total += Math.exp(x.getDouble(b * classes + k) - max);
        cdf[k] = total;
      }
      for (int s = 0; s < samples; s++) {
        double u = rng.nextDouble() * total;
        int k = 0;
        while (k < classes - 1 && cdf[k] <= u) {
          k++;
        }
        v[b * samples + s] = k;
      }
    }
    return new Tensor[] {RandomOutput.of(ctx, dtype, Shape.of(batch, samples), v)};
  }
}
