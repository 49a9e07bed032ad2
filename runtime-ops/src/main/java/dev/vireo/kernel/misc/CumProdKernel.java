package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * CumProd along the axis given by input 1 (a scalar), optionally {@code exclusive} (each
 * product leaves out its own element, starting from 1) and {@code reverse}. f32, f64, i32, i64,
 * u32, u64 (wrapping as two's complement), f16/bf16 (multiplied in float32).
 */
public final class CumProdKernel implements Kernel {
  private final boolean exclusive;
  private final boolean reverse;

  CumProdKernel(Node n) {
    exclusive = n.attrInt("exclusive", 0) != 0;
    reverse = n.attrInt("reverse", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    if (in[1].size() != 1) {
      throw new IllegalArgumentException("CumProd: axis must be a scalar, got " + in[1].describe());
    }
    int ax = Shape.normalizeAxis(in[1].getLong(0), Math.max(1, x.rank()));
    boolean half = x.dtype() == DType.FLOAT16 || x.dtype() == DType.BFLOAT16;
    Tensor src = half ? HalfFloats.widen(x) : x;
    Tensor out = ctx.allocate(src.dtype(), x.shape());
    int len = x.rank() == 0 ? 1 : x.shape().dim(ax);
    int outer = x.rank() == 0 ? 1 : x.shape().sizeBetween(0, ax);
    int inner = x.rank() == 0 ? 1 : x.shape().sizeBetween(ax + 1, x.rank());
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        int first = reverse ? base + (len - 1) * inner : base;
        scan(src.data(), out.data(), first, reverse ? -inner : inner, len);
      }
    }
    return new Tensor[] {half ? HalfFloats.narrow(ctx, out, x.dtype()) : out};
  }

  private void scan(Object src, Object dst, int p, int step, int n) {
    switch (src) {
      case float[] a -> {
        float[] b = (float[]) dst;
        float acc = 1;
        for (int e = 0; e < n; e++, p += step) {
          float v = a[p];
          acc *= exclusive ? 1 : v;
          b[p] = acc;
          acc *= exclusive ? v : 1;
        }
      }
      case double[] a -> {
        double[] b = (double[]) dst;
        double acc = 1;
        for (int e = 0; e < n; e++, p += step) {
          double v = a[p];
          acc *= exclusive ? 1 : v;
          b[p] = acc;
          acc *= exclusive ? v : 1;
        }
      }
      case int[] a -> {
        int[] b = (int[]) dst;
        int acc = 1;
        for (int e = 0; e < n; e++, p += step) {
          int v = a[p];
          acc *= exclusive ? 1 : v;
          b[p] = acc;
          acc *= exclusive ? v : 1;
        }
      }
      case long[] a -> {
        long[] b = (long[]) dst;
        long acc = 1;
        for (int e = 0; e < n; e++, p += step) {
          long v = a[p];
          acc *= exclusive ? 1 : v;
          b[p] = acc;
          acc *= exclusive ? v : 1;
        }
      }
      default -> throw new IllegalArgumentException("CumProd does not support element type " + src.getClass());
    }
  }
}
