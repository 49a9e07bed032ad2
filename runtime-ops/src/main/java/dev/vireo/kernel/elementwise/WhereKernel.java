package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Where: {@code condition ? X : Y} element-wise, all three broadcast together; any element type. */
public final class WhereKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor c = inputs[0];
    Tensor x = inputs[1];
    Tensor y = inputs[2];
    if (c.dtype() != DType.BOOL) {
      throw new IllegalArgumentException("Where: condition must be bool, got " + c.describe());
    }
    if (x.dtype() != y.dtype()) {
      throw new IllegalArgumentException("Where: X " + x.describe() + " and Y " + y.describe()
          + " differ in element type");
    }
    Broadcast bc = Broadcast.of(c.shape().dims(), x.shape().dims(), y.shape().dims());
    Tensor out = ctx.allocate(x.dtype(), Shape.of(bc.outDims()));
    if (out.size() == 0) {
      return new Tensor[] {out};
    }
    boolean[] cd = c.booleans();
    int n = bc.inner();
    int cs = bc.step(0);
    int xs = bc.step(1);
    int ys = bc.step(2);
    for (int r = 0; r < bc.rows(); r++) {
      select(cd, bc.offset(0, r), cs, x.data(), bc.offset(1, r), xs, y.data(), bc.offset(2, r), ys,
          out.data(), r * n, n);
    }
    return new Tensor[] {out};
  }

  private static void select(boolean[] c, int co, int cs, Object x, int xo, int xs, Object y, int yo,
      int ys, Object out, int o, int n) {
    switch (out) {
      case float[] d -> {
        float[] a = (float[]) x;
        float[] b = (float[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case double[] d -> {
        double[] a = (double[]) x;
        double[] b = (double[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case int[] d -> {
        int[] a = (int[]) x;
        int[] b = (int[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case long[] d -> {
        long[] a = (long[]) x;
        long[] b = (long[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case short[] d -> {
        short[] a = (short[]) x;
        short[] b = (short[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case byte[] d -> {
        byte[] a = (byte[]) x;
        byte[] b = (byte[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case boolean[] d -> {
        boolean[] a = (boolean[]) x;
        boolean[] b = (boolean[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      case Object[] d -> {
        Object[] a = (Object[]) x;
        Object[] b = (Object[]) y;
        for (int i = 0; i < n; i++) d[o + i] = c[co + i * cs] ? a[xo + i * xs] : b[yo + i * ys];
      }
      default -> throw new IllegalArgumentException("Where: unsupported output storage");
    }
  }
}
