package dev.vireo.kernel.reduce;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * LogSoftmax: {@code x - max - log(sum(exp(x - max)))} over each row of {@link AxisRows}
 * (2-D coercion before opset 13, one axis from 13). f32 and f64; f16/bf16 computed in f32. f32
 * rows along a contiguous axis go through {@link VecMath#logSoftmaxRow}; the others accumulate
 * in double.
 */
public final class LogSoftmaxKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final long axis;
  private final boolean coerce2d;

  LogSoftmaxKernel(Node n, boolean coerce2d) {
    this.coerce2d = coerce2d;
    axis = n.attrInt("axis", coerce2d ? 1 : -1);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    AxisRows rows = AxisRows.of("LogSoftmax", x0.shape(), axis, coerce2d);
    int grain = Math.max(1, GRAIN / Math.max(1, rows.len()));
    if (x0.dtype() == DType.DOUBLE) {
      double[] in = x0.doubles();
      Tensor out = ctx.allocate(DType.DOUBLE, x0.shape());
      double[] o = out.doubles();
      ctx.parallelFor(x0.size() == 0 ? 0 : rows.rows(), grain, (from, to) -> {
        for (int q = from; q < to; q++) {
          int b = rows.base(q);
          int st = rows.inner();
          double max = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < rows.len(); i++) {
            max = Math.max(max, in[b + i * st]);
          }
          double sum = 0;
          for (int i = 0; i < rows.len(); i++) {
            sum += Math.exp(in[b + i * st] - max);
          }
          double shift = max + Math.log(sum);
          for (int i = 0; i < rows.len(); i++) {
            o[b + i * st] = in[b + i * st] - shift;
          }
        }
      });
      return new Tensor[] {out};
    }
    Tensor x = HalfFloats.widen(x0);
    float[] in = x.floats();
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] o = out.floats();
    if (rows.inner() == 1) {
      int len = rows.len();
      ctx.parallelFor(x.size() == 0 ? 0 : rows.rows(), grain, (from, to) -> {
        for (int q = from; q < to; q++) {
          VecMath.logSoftmaxRow(in, rows.base(q), o, rows.base(q), len);
        }
      });
      return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
    }
    ctx.parallelFor(x.size() == 0 ? 0 : rows.rows(), grain, (from, to) -> {
      for (int q = from; q < to; q++) {
        int b = rows.base(q);
        int st = rows.inner();
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.len(); i++) {
          max = Math.max(max, in[b + i * st]);
        }
        double sum = 0;
        for (int i = 0; i < rows.len(); i++) {
          sum += Math.exp(in[b + i * st] - max);
        }
        double shift = max + Math.log(sum);
        for (int i = 0; i < rows.len(); i++) {
          o[b + i * st] = (float) (in[b + i * st] - shift);
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }
}
