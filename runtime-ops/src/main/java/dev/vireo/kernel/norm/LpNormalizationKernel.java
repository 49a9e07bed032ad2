package dev.vireo.kernel.norm;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * LpNormalization (opset 1+): divides X by its L1 or L2 norm along {@code axis}; a zero norm
 * gives zeros.
 */
public final class LpNormalizationKernel implements Kernel {
  private final long axis;
  private final int p;

  public LpNormalizationKernel(Node n) {
    axis = n.attrInt("axis", -1);
    long pp = n.attrInt("p", 2);
    if (pp != 1 && pp != 2) {
      throw new IllegalArgumentException("LpNormalization: p must be 1 or 2, got " + pp);
    }
    p = (int) pp;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x0 = in[0];
    int ax = Shape.normalizeAxis(axis, x0.rank());
    int outer = x0.shape().sizeBetween(0, ax);
    int len = x0.shape().dim(ax);
    int inner = x0.shape().sizeBetween(ax + 1, x0.rank());
    double[] x = NormData.read(x0);
    double[] y = new double[x.length];
    ctx.parallelFor(outer * inner, Math.max(1, 4096 / Math.max(1, len)), (from, to) -> {
      for (int oi = from; oi < to; oi++) {
        int base = (oi / inner) * len * inner + oi % inner;
        double norm = 0;
        for (int k = 0; k < len; k++) {
          double v = x[base + k * inner];
          norm += p == 1 ? Math.abs(v) : v * v;
        }
        if (p == 2) {
          norm = Math.sqrt(norm);
        }
        for (int k = 0; k < len; k++) {
          int i = base + k * inner;
          y[i] = norm == 0 ? 0 : x[i] / norm;
        }
      }
    });
    return new Tensor[] {NormData.write(ctx, x0.dtype(), x0.shape(), y)};
  }
}
