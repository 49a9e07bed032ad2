package dev.vireo.kernel.math;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.Sgemm;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Gemm for the types that do not go through float32: f64 in double precision, and i32, i64, u32,
 * u64 with the product accumulated in wrapping int64 arithmetic (exact modulo 2^width, the same
 * bits for signed and unsigned operands). For integers, alpha = 1 and beta = 1 keep the result
 * exact; other scalings are applied in double and truncated toward zero.
 */
final class GemmExactTypes {
  private GemmExactTypes() {}

  /** Whether {@link #run} serves t. */
  static boolean serves(DType t) {
    return switch (t) {
      case DOUBLE, INT32, INT64, UINT32, UINT64 -> true;
      default -> false;
    };
  }

  /** C broadcast checks are the caller's; c may be null. */
  static Tensor run(Tensor a, Tensor b, Tensor c, boolean transA, boolean transB, float alpha, float beta,
      int m, int n, int k, ExecContext ctx) {
    DType t = a.dtype();
    int[] cs = c == null ? null : Broadcast.strides(c.shape().dims(), new int[] {m, n});
    Tensor out = ctx.allocate(t, Shape.of(m, n));
    if (t == DType.DOUBLE) {
      double[] y = new double[m * n];
      Sgemm.dgemm(m, n, k, doubles(a, transA, m, k), 0, k, doubles(b, transB, k, n), 0, n, y, 0, n);
      double[] o = out.doubles();
      double[] cv = c == null ? null : c.doubles();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double v = alpha * y[i * n + j];
          o[i * n + j] = cv == null ? v : v + beta * cv[i * cs[0] + j * cs[1]];
        }
      }
      return out;
    }
    long[] y = new long[m * n];
    Sgemm.lgemm(m, n, k, longs(a, transA, m, k), 0, k, longs(b, transB, k, n), 0, n, y, 0, n);
    long[] cv = c == null ? null : IntegerWidening.widen(c).longs();
    boolean exact = alpha == 1f && (cv == null || beta == 1f || beta == 0f);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long p = y[i * n + j];
        long cij = cv == null ? 0 : cv[i * cs[0] + j * cs[1]];
        y[i * n + j] = exact
            ? (beta == 0f ? p : p + cij)
            : (long) (alpha * (double) p + beta * (double) cij);
      }
    }
    Tensor r = Tensor.wrap(DType.INT64, Shape.of(m, n), y);
    return t == DType.INT64 ? r : IntegerWidening.narrow(ctx, r, t);
  }

  /** op(X) as a row-major rows×cols array. */
  private static double[] doubles(Tensor x, boolean trans, int rows, int cols) {
    double[] s = x.doubles();
    if (!trans) {
      return s;
    }
    double[] d = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        d[i * cols + j] = s[j * rows + i];
      }
    }
    return d;
  }

  private static long[] longs(Tensor x, boolean trans, int rows, int cols) {
    long[] s = IntegerWidening.widen(x).longs();
    if (!trans) {
      return s;
    }
    long[] d = new long[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        d[i * cols + j] = s[j * rows + i];
      }
    }
    return d;
  }
}
