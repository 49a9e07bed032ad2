package dev.vireo.kernel.gated;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * SwiGLU (opset 28): {@code Y = A * sigmoid(alpha * A) * B} elementwise, where A (the gate) and B
 * (the value) have identical shapes and types; no broadcasting. f64 computes in f64, f32 in f32,
 * f16/bf16 via f32.
 */
public final class SwiGluKernel implements Kernel {
  private static final int MIN_CHUNK = 16384;

  private final float alpha;

  public SwiGluKernel(Node n) {
    alpha = n.attrFloat("alpha", 1.0f);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a0 = in[0];
    Tensor b0 = in[1];
    if (a0.dtype() != b0.dtype() || !a0.shape().equals(b0.shape())) {
      throw new IllegalArgumentException("SwiGLU: A " + a0.describe() + " and B " + b0.describe()
          + " must have identical shapes and types (no broadcasting)");
    }
    int n = a0.shape().size();
    if (a0.dtype() == DType.DOUBLE) {
      double[] a = a0.doubles();
      double[] b = b0.doubles();
      Tensor yT = ctx.allocate(DType.DOUBLE, a0.shape());
      double[] y = yT.doubles();
      double al = alpha;
      ctx.parallelFor(n, MIN_CHUNK, (from, to) -> {
        for (int i = from; i < to; i++) {
          double x = a[i];
          y[i] = x / (1.0 + Math.exp(-al * x)) * b[i];
        }
      });
      return new Tensor[] {yT};
    }
    float[] a = HalfFloats.widen(a0).floats();
    float[] b = HalfFloats.widen(b0).floats();
    Tensor yT = ctx.allocate(DType.FLOAT, a0.shape());
    float[] y = yT.floats();
    float al = alpha;
    ctx.parallelFor(n, MIN_CHUNK, (from, to) -> {
      for (int i = from; i < to; i++) {
        float x = a[i];
        y[i] = x / (1f + (float) Math.exp(-al * x)) * b[i];
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, yT, a0.dtype())};
  }
}
