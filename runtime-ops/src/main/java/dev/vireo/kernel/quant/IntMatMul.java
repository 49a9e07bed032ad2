package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * The exact int32 product {@code (A - a_zero_point) x (B - b_zero_point)} of two 8-bit integer
 * tensors with numpy matmul semantics (batch dims broadcast; a 1-D A is a row, a 1-D B a column,
 * the added dim dropped). A's zero point is a scalar or one per row of A (length M); B's a scalar
 * or one per column of B (length N). Operands are centered once, so every product of an 8-bit
 * pair fits an int and the sum is the spec's int32 accumulation.
 */
final class IntMatMul {
  private IntMatMul() {}

  /** The product as an int32 tensor. */
  static Tensor multiply(String op, Tensor a, Tensor aZp, Tensor b, Tensor bZp, ExecContext ctx) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException(op + " needs operands of rank >= 1: A " + a.describe()
          + " x B " + b.describe());
    }
    int[] ad = a.rank() == 1 ? new int[] {1, a.shape().dim(0)} : a.shape().dims();
    int[] bd = b.rank() == 1 ? new int[] {b.shape().dim(0), 1} : b.shape().dims();
    int m = ad[ad.length - 2];
    int k = ad[ad.length - 1];
    int n = bd[bd.length - 1];
    if (bd[bd.length - 2] != k) {
      throw new IllegalArgumentException(op + ": inner dimensions differ: A " + a.describe()
          + " x B " + b.describe());
    }
    int[] batchA = Arrays.copyOf(ad, ad.length - 2);
    int[] batchB = Arrays.copyOf(bd, bd.length - 2);
    int[] batch = Broadcast.shape(batchA, batchB);
    int[] sa = Broadcast.strides(batchA, batch);
    int[] sb = Broadcast.strides(batchB, batch);
    int[] ca = center(op, "A", a, aZp, m, k, true);
    int[] cb = center(op, "B", b, bZp, k, n, false);
    int[] outDims = Arrays.copyOf(batch, batch.length + (a.rank() > 1 ? 1 : 0) + (b.rank() > 1 ? 1 : 0));
    int r = batch.length;
    if (a.rank() > 1) {
      outDims[r++] = m;
    }
    if (b.rank() > 1) {
      outDims[r] = n;
    }
    Tensor out = ctx.allocate(DType.INT32, Shape.of(outDims));
    int[] o = out.ints();
    int batches = 1;
    for (int d : batch) {
      batches *= d;
    }
    int[] idx = new int[batch.length];
    for (int bi = 0; bi < batches; bi++) {
      int offA = 0;
      int offB = 0;
      for (int d = 0; d < batch.length; d++) {
        offA += idx[d] * sa[d];
        offB += idx[d] * sb[d];
      }
      gemm(ca, offA * m * k, cb, offB * k * n, o, bi * m * n, m, k, n);
      for (int d = batch.length - 1; d >= 0 && ++idx[d] == batch[d]; d--) {
        idx[d] = 0;
      }
    }
    return out;
  }

  private static void gemm(int[] a, int aOff, int[] b, int bOff, int[] c, int cOff, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * n;
      Arrays.fill(c, row, row + n, 0);
      for (int p = 0; p < k; p++) {
        int av = a[aOff + i * k + p];
        if (av == 0) {
          continue;
        }
        int bRow = bOff + p * n;
        for (int j = 0; j < n; j++) {
          c[row + j] += av * b[bRow + j];
        }
      }
    }
  }

  /** x minus its zero point, as ints; the zero point is a scalar or one per row/column. */
  private static int[] center(String op, String name, Tensor x, Tensor zp, int rows, int cols,
      boolean perRow) {
    int per = perRow ? rows : cols;
    if (zp != null && zp.size() != 1 && zp.size() != per) {
      throw new IllegalArgumentException(op + ": " + name + "'s zero point " + zp.describe()
          + " must be a scalar or have " + per + " elements");
    }
    if (zp != null && zp.dtype() != x.dtype()) {
      throw new IllegalArgumentException(op + ": " + name + " " + x.describe() + " and its zero point "
          + zp.describe() + " differ in type");
    }
    int size = x.size();
    int[] c = new int[size];
    for (int i = 0; i < size; i++) {
      int z = 0;
      if (zp != null) {
        z = (int) zp.getLong(zp.size() == 1 ? 0 : perRow ? (i / cols) % rows : i % cols);
      }
      c[i] = (int) x.getLong(i) - z;
    }
    return c;
  }
}
