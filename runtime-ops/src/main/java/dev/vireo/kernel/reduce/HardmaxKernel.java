package dev.vireo.kernel.reduce;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Hardmax: 1 at the first maximum of each row of {@link AxisRows} (2-D coercion before opset 13,
 * one axis from 13), 0 elsewhere. f32 and f64; f16/bf16 compared in f32.
 */
public final class HardmaxKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final long axis;
  private final boolean coerce2d;

  HardmaxKernel(Node n, boolean coerce2d) {
    this.coerce2d = coerce2d;
    axis = n.attrInt("axis", coerce2d ? 1 : -1);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    AxisRows rows = AxisRows.of("Hardmax", x0.shape(), axis, coerce2d);
    int grain = Math.max(1, GRAIN / Math.max(1, rows.len()));
    int n = x0.size() == 0 || rows.len() == 0 ? 0 : rows.rows();
    if (x0.dtype() == DType.DOUBLE) {
      double[] in = x0.doubles();
      Tensor out = ctx.allocate(DType.DOUBLE, x0.shape());
      double[] o = out.doubles();
      ctx.parallelFor(n, grain, (from, to) -> {
        for (int q = from; q < to; q++) {
          int b = rows.base(q);
          int best = b;
          for (int i = 1; i < rows.len(); i++) {
            int p = b + i * rows.inner();
            if (in[p] > in[best]) {
              best = p;
            }
          }
          o[best] = 1;
        }
      });
      return new Tensor[] {out};
    }
    float[] in = HalfFloats.widen(x0).floats();
    Tensor out = ctx.allocate(DType.FLOAT, x0.shape());
    float[] o = out.floats();
    ctx.parallelFor(n, grain, (from, to) -> {
      for (int q = from; q < to; q++) {
        int b = rows.base(q);
        int best = b;
        for (int i = 1; i < rows.len(); i++) {
          int p = b + i * rows.inner();
          if (in[p] > in[best]) {
            best = p;
          }
        }
        o[best] = 1;
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }
}
