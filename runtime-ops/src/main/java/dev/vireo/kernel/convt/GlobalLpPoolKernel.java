package dev.vireo.kernel.convt;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * GlobalLpPool: X [N, C, spatial...] to [N, C, 1...] with {@code (Σ |x|^p)^(1/p)} over each
 * channel's spatial values; {@code p} defaults to 2 (a float attribute in opset 1, an int from
 * 2). f32 (f16/bf16 via f32).
 */
public final class GlobalLpPoolKernel implements Kernel {
  private final double p;

  GlobalLpPoolKernel(Node n) {
    p = n.attrFloat("p", 2f);
    if (!(p > 0)) {
      throw new IllegalArgumentException("GlobalLpPool: p must be positive, got " + p);
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    if (x0.rank() < 2) {
      throw new IllegalArgumentException("GlobalLpPool: input must be [N,C,spatial...], got " + x0.describe());
    }
    int[] d = x0.shape().dims();
    int[] od = d.clone();
    for (int i = 2; i < od.length; i++) {
      od[i] = 1;
    }
    Tensor out = ctx.allocate(DType.FLOAT, Shape.of(od));
    float[] x = HalfFloats.widen(x0).floats();
    float[] y = out.floats();
    int plane = x0.shape().sizeBetween(2, d.length);
    boolean square = p == 2;
    double inv = 1 / p;
    ctx.parallelFor(out.size(), Math.max(1, (1 << 14) / Math.max(1, plane)), (from, to) -> {
      for (int q = from; q < to; q++) {
        double sum = 0;
        for (int i = q * plane; i < (q + 1) * plane; i++) {
          double v = Math.abs(x[i]);
          sum += square ? v * v : Math.pow(v, p);
        }
        y[q] = (float) (square ? Math.sqrt(sum) : Math.pow(sum, inv));
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }
}
