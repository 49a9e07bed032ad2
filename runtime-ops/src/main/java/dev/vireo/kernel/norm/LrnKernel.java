package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * LRN (opset 1+): local response normalization across channels, {@code Y = X / (bias + alpha /
 * size * Σ X²)^beta}, the sum over channels {@code c - floor((size-1)/2) .. c + ceil((size-1)/2)}
 * clipped to the valid range. X is {@code (N, C, D1, ...)}.
 */
public final class LrnKernel implements Kernel {
  private final int size;
  private final double alpha;
  private final double beta;
  private final double bias;

  public LrnKernel(Node n) {
    if (!n.hasAttr("size")) {
      throw new IllegalArgumentException("LRN: attribute size is required");
    }
    long s = n.attrInt("size", 0);
    if (s <= 0) {
      throw new IllegalArgumentException("LRN: size must be > 0, got " + s);
    }
    size = (int) s;
    alpha = n.attrFloat("alpha", 1e-4f);
    beta = n.attrFloat("beta", 0.75f);
    bias = n.attrFloat("bias", 1f);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    if (x0.rank() < 2) {
      throw new IllegalArgumentException("LRN: X must have rank >= 2, got " + x0.describe());
    }
    int n = x0.shape().dim(0);
    int c = x0.shape().dim(1);
    int spatial = x0.shape().sizeBetween(2, x0.rank());
    int below = (size - 1) / 2;
    int above = size - 1 - below;
    double[] x = NormData.read(x0);
    double[] y = new double[x.length];
    ctx.parallelFor(n * c, Math.max(1, 4096 / Math.max(1, spatial * size)), (from, to) -> {
      for (int nc = from; nc < to; nc++) {
        int b = nc / c;
        int ch = nc % c;
        int lo = Math.max(0, ch - below);
        int hi = Math.min(c - 1, ch + above);
        int off = nc * spatial;
        for (int i = 0; i < spatial; i++) {
          double ss = 0;
          for (int k = lo; k <= hi; k++) {
            double v = x[(b * c + k) * spatial + i];
            ss += v * v;
          }
          y[off + i] = x[off + i] / Math.pow(bias + alpha / size * ss, beta);
        }
      }
    });
    return new Tensor[] {NormData.write(ctx, x0.dtype(), x0.shape(), y)};
  }
}
