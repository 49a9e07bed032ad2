package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Range: {@code start, start + delta, ...} while below {@code limit} (above, for a negative
 * delta): {@code max(ceil((limit - start) / delta), 0)} elements. Scalars of f32, f64, i16, i32
 * or i64 (opset 27 adds f16 and bf16: computed in f32, each element rounded to nearest even);
 * integer ranges are computed exactly.
 */
public final class RangeKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor start = inputs[0];
    Tensor limit = inputs[1];
    Tensor delta = inputs[2];
    for (Tensor t : inputs) {
      if (t.size() != 1 || t.dtype() != start.dtype()) {
        throw new IllegalArgumentException("Range needs three scalars of one type, got " + start.describe()
            + ", " + limit.describe() + ", " + delta.describe());
      }
    }
    boolean integer = start.dtype().isInteger();
    int n;
    if (integer) {
      long s = start.getLong(0);
      long d = delta.getLong(0);
      if (d == 0) {
        throw new IllegalArgumentException("Range: delta is 0");
      }
      long span = limit.getLong(0) - s;
      n = (int) Math.max(0, d > 0 ? (span + d - 1) / d : (span + d + 1) / d);
    } else {
      double d = delta.getDouble(0);
      if (d == 0) {
        throw new IllegalArgumentException("Range: delta is 0");
      }
      n = (int) Math.max(0, Math.ceil((limit.getDouble(0) - start.getDouble(0)) / d));
    }
    DType t = start.dtype();
    if (t == DType.FLOAT16 || t == DType.BFLOAT16) {
      float s = (float) start.getDouble(0);
      float d = (float) delta.getDouble(0);
      float[] a = new float[n];
      for (int i = 0; i < n; i++) a[i] = s + i * d;
      return new Tensor[] {HalfFloats.narrow(ctx, Tensor.wrap(DType.FLOAT, Shape.of(n), a), t)};
    }
    Tensor out = ctx.allocate(t, Shape.of(n));
    switch (out.data()) {
      case float[] a -> {
        float s = start.floats()[0];
        float d = delta.floats()[0];
        for (int i = 0; i < n; i++) a[i] = s + i * d;
      }
      case double[] a -> {
        double s = start.doubles()[0];
        double d = delta.doubles()[0];
        for (int i = 0; i < n; i++) a[i] = s + i * d;
      }
      case long[] a -> {
        for (int i = 0; i < n; i++) a[i] = start.getLong(0) + i * delta.getLong(0);
      }
      case int[] a -> {
        for (int i = 0; i < n; i++) a[i] = (int) (start.getLong(0) + i * delta.getLong(0));
      }
      case short[] a -> {
        for (int i = 0; i < n; i++) a[i] = (short) (start.getLong(0) + i * delta.getLong(0));
      }
      default -> throw new IllegalArgumentException("Range does not support " + start.describe());
    }
    return new Tensor[] {out};
  }
}
