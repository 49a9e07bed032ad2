package dev.vireo.linalg;

/**
 * Single-precision general matrix multiply over row-major arrays: {@code C = alpha·op(A)·op(B) +
 * beta·C}, where op transposes when asked.
 *
 * <p>Implementation notes: the inner loop always walks contiguous memory. Without transposes it
 * runs i-k-j (a row of B is streamed into a row of C) in blocks of {@link #KC} along k so that
 * the touched rows of B stay in cache. With B transposed and A not, rows of A and rows of B are
 * both contiguous along k, so each element of C is a dot product over two contiguous runs,
 * computed four columns at a time. A transposed A is packed into a temporary row-major copy
 * first (packing is O(M·K), the multiply O(M·N·K)).
 */
public final class Sgemm {
  /** Block length along k. */
  private static final int KC = 256;
  /** Below this many multiply-adds the packing of the vector GEMM costs more than it saves. */
  private static final long VECTOR_MIN_WORK = 8L * 8 * 8;

  private Sgemm() {}

  /**
   * Computes {@code C[i,j] = alpha·Σk op(A)[i,k]·op(B)[k,j] + beta·C[i,j]} for i in [0,m), j in
   * [0,n).
   *
   * <p>{@code op(A)[i,k]} is {@code a[aOff + i·lda + k]}, or {@code a[aOff + k·lda + i]} when
   * transA; {@code op(B)[k,j]} is {@code b[bOff + k·ldb + j]}, or {@code b[bOff + j·ldb + k]} when
   * transB; {@code C[i,j]} is {@code c[cOff + i·ldc + j]}. With beta 0, C's previous content is
   * ignored (NaNs in it do not propagate).
   */
  public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return;
    }
    scale(c, cOff, ldc, m, n, beta);
    if (k <= 0 || alpha == 0f) {
      return;
    }
    FloatGemm vector = Vectorization.vectorGemm();
    if (vector != null && (long) m * n * k >= VECTOR_MIN_WORK) {
      vector.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    if (transA) {
      float[] packed = new float[m * k];
      for (int kk = 0; kk < k; kk++) {
        int src = aOff + kk * lda;
        for (int i = 0; i < m; i++) {
          packed[i * k + kk] = a[src + i];
        }
      }
      a = packed;
      aOff = 0;
      lda = k;
    }
    if (transB) {
      dotRows(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    } else {
      ikj(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }
  }

  private static void scale(float[] c, int cOff, int ldc, int m, int n, float beta) {
    if (beta == 1f) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f);
      } else {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }

  private static void ikj(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    for (int k0 = 0; k0 < k; k0 += KC) {
      int k1 = Math.min(k, k0 + KC);
      for (int i = 0; i < m; i++) {
        int aRow = aOff + i * lda;
        int cRow = cOff + i * ldc;
        for (int kk = k0; kk < k1; kk++) {
          float av = alpha * a[aRow + kk];
          int bRow = bOff + kk * ldb;
          for (int j = 0; j < n; j++) {
            c[cRow + j] += av * b[bRow + j];
          }
        }
      }
    }
  }

  private static void dotRows(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int aRow = aOff + i * lda;
      int cRow = cOff + i * ldc;
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        int b0 = bOff + j * ldb;
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int kk = 0; kk < k; kk++) {
          float av = a[aRow + kk];
          s0 += av * b[b0 + kk];
          s1 += av * b[b1 + kk];
          s2 += av * b[b2 + kk];
          s3 += av * b[b3 + kk];
        }
        c[cRow + j] += alpha * s0;
        c[cRow + j + 1] += alpha * s1;
        c[cRow + j + 2] += alpha * s2;
        c[cRow + j + 3] += alpha * s3;
      }
      for (; j < n; j++) {
        int b0 = bOff + j * ldb;
        float s = 0f;
        for (int kk = 0; kk < k; kk++) {
          s += a[aRow + kk] * b[b0 + kk];
        }
        c[cRow + j] += alpha * s;
      }
    }
  }

  /** Double-precision variant of {@link #sgemm} without transposes (i-k-j order). */
  public static void dgemm(int m, int n, int k, double[] a, int aOff, int lda,
      double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int aRow = aOff + i * lda;
      int cRow = cOff + i * ldc;
      for (int kk = 0; kk < k; kk++) {
        double av = a[aRow + kk];
        int bRow = bOff + kk * ldb;
        for (int j = 0; j < n; j++) {
          c[cRow + j] += av * b[bRow + j];
        }
      }
    }
  }

  /** int32 matrix product accumulating into c (wrapping on overflow, as C does), i-k-j order. */
  public static void igemm(int m, int n, int k, int[] a, int aOff, int lda,
      int[] b, int bOff, int ldb, int[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int aRow = aOff + i * lda;
      int cRow = cOff + i * ldc;
      for (int kk = 0; kk < k; kk++) {
        int av = a[aRow + kk];
        int bRow = bOff + kk * ldb;
        for (int j = 0; j < n; j++) {
          c[cRow + j] += av * b[bRow + j];
        }
      }
    }
  }

  /** int64 matrix product accumulating into c (wrapping on overflow), i-k-j order. */
  public static void lgemm(int m, int n, int k, long[] a, int aOff, int lda,
      long[] b, int bOff, int ldb, long[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int aRow = aOff + i * lda;
      int cRow = cOff + i * ldc;
      for (int kk = 0; kk < k; kk++) {
        long av = a[aRow + kk];
        int bRow = bOff + kk * ldb;
        for (int j = 0; j < n; j++) {
          c[cRow + j] += av * b[bRow + j];
        }
      }
    }
  }
}
