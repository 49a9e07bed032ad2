package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * NonZero: the coordinates of the non-zero elements in row-major order, as int64 [rank, count]
 * (a scalar counts as rank 1). Zero means 0 (either sign), false or the empty string.
 */
public final class NonZeroKernel implements Kernel {
  public NonZeroKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    boolean[] nz = nonZero(x);
    int count = 0;
    for (boolean b : nz) {
      count += b ? 1 : 0;
    }
    int[] dims = x.rank() == 0 ? new int[] {1} : x.shape().dims();
    int r = dims.length;
    Tensor out = ctx.allocate(DType.INT64, Shape.of(r, count));
    long[] o = out.longs();
    int[] coord = new int[r];
    int c = 0;
    for (int j = 0; j < nz.length; j++) {
      if (nz[j]) {
        for (int k = 0; k < r; k++) {
          o[k * count + c] = coord[k];
        }
        c++;
      }
      for (int k = r - 1; k >= 0; k--) {
        if (++coord[k] < dims[k]) {
          break;
        }
        coord[k] = 0;
      }
    }
    return new Tensor[] {out};
  }

  private static boolean[] nonZero(Tensor x) {
    int n = x.size();
    boolean[] r = new boolean[n];
    Object d = x.data();
    boolean half = x.dtype() == DType.FLOAT16 || x.dtype() == DType.BFLOAT16;
    switch (d) {
      case float[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0; }
      case double[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0; }
      case int[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0; }
      case long[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0; }
      case short[] a when half -> { for (int i = 0; i < n; i++) r[i] = (a[i] & 0x7fff) != 0; }
      case short[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0; }
      case byte[] a -> { for (int i = 0; i < n; i++) r[i] = a[i] != 0 && !isFloat8Zero(x.dtype(), a[i]); }
      case boolean[] a -> System.arraycopy(a, 0, r, 0, n);
      case String[] a -> { for (int i = 0; i < n; i++) r[i] = !a[i].isEmpty(); }
      default -> throw new IllegalArgumentException("NonZero does not support " + x.describe());
    }
    return r;
  }

  /** Negative zero of the 8-bit float types that have one. */
  private static boolean isFloat8Zero(DType t, byte b) {
    return (t == DType.FLOAT8E4M3FN || t == DType.FLOAT8E5M2) && b == (byte) 0x80;
  }
}
