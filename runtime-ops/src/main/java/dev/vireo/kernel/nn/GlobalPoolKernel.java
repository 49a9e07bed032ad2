package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.linalg.VectorMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * GlobalAveragePool and GlobalMaxPool: X [N,C,spatial...] to [N,C,1,...,1], averaging or taking
 * the max over all spatial positions with the vectorized reductions of {@link VecMath} (sums in
 * float with several partial sums, as onnxruntime does), split over (image, channel) planes. f32
 * (f16/bf16 via f32).
 */
public final class GlobalPoolKernel implements Kernel {
  /** Elements per parallel chunk at least. */
  private static final int GRAIN = 1 << 14;

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
    VectorMath vm = VecMath.impl();
    ctx.parallelFor(planes, Math.max(1, GRAIN / Math.max(1, size)), (from, to) -> {
      for (int p = from; p < to; p++) {
        int off = p * size;
        if (size == 0) {
          yd[p] = max ? Float.NEGATIVE_INFINITY : Float.NaN;
        } else if (max) {
          yd[p] = vm.max(x, off, size);
        } else {
          yd[p] = vm.sum(x, off, size) / size;
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype())};
  }
}
