package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * GlobalAveragePool and GlobalMaxPool: X [N,C,spatial...] to [N,C,1,...,1], averaging (in
 * double) or taking the max over all spatial positions. f32 (f16/bf16 via f32).
 */
public final class GlobalPoolKernel implements Kernel {
  private final boolean max;

  public GlobalPoolKernel(boolean max) {
    this.max = max;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    if (x0.rank() < 2) {
      throw new IllegalArgumentException("global pooling needs X [N,C,...], got " + x0.describe());
    }
    int[] d = x0.shape().dims();
    int[] od = d.clone();
    for (int i = 2; i < od.length; i++) {
      od[i] = 1;
    }
    int planes = d[0] * d[1];
    int size = x0.shape().sizeBetween(2, d.length);
    float[] x = HalfFloats.widen(x0).floats();
    Tensor y = ctx.allocate(DType.FLOAT, Shape.of(od));
    float[] yd = y.floats();
    ctx.parallelFor(planes, Math.max(1, 8192 / Math.max(1, size)), (from, to) -> {
      for (int p = from; p < to; p++) {
        int off = p * size;
        if (max) {
          float m = Float.NEGATIVE_INFINITY;
          for (int i = 0; i < size; i++) {
            m = Math.max(m, x[off + i]);
          }
          yd[p] = m;
        } else {
          double s = 0;
          for (int i = 0; i < size; i++) {
            s += x[off + i];
          }
          yd[p] = size == 0 ? Float.NaN : (float) (s / size);
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype())};
  }
}
