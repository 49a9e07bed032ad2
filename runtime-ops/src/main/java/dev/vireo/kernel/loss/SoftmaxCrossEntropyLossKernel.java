package dev.vireo.kernel.loss;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * SoftmaxCrossEntropyLoss: scores [N, C, d...] are turned into log-probabilities along C (the
 * max-shifted log-softmax), then scored as in NegativeLogLikelihoodLoss against labels [N, d...]
 * with optional weights [C]. The optional second output is the log-probabilities. f32, f64, f16,
 * bf16.
 */
public final class SoftmaxCrossEntropyLossKernel implements Kernel {
  private final ClassLoss loss;

  SoftmaxCrossEntropyLossKernel(Node n) {
    loss = new ClassLoss(n);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    if (s.rank() < 2) {
      throw new IllegalArgumentException("SoftmaxCrossEntropyLoss: scores must be [N, C, d...], got " + x.describe());
    }
    double[] v = ClassLoss.toDoubles(x);
    int n = s.dim(0);
    int c = s.dim(1);
    int d = s.sizeBetween(2, s.rank());
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        int base = i * c * d + j;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
          max = Math.max(max, v[base + k * d]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
          sum += Math.exp(v[base + k * d] - max);
        }
        double shift = max + Math.log(sum);
        for (int k = 0; k < c; k++) {
          v[base + k * d] -= shift;
        }
      }
    }
    Tensor weight = inputs.length > 2 ? inputs[2] : null;
    Tensor out = loss.loss(v, s, inputs[1], weight, x.dtype(), ctx);
    return new Tensor[] {out, ClassLoss.fromDoubles(v, x.dtype(), s, ctx)};
  }
}
