package dev.vireo.linalg;

/**
 * Single-precision general matrix multiply over row-major arrays: {@code C = alpha·op(A)·op(B) +
 * beta·C}, where op transposes when asked; with B as stored or pre-packed ({@link #packB}), on
 * one thread or split across several ({@link ParallelRange}).
 *
 * <p>Implementation notes: with SIMD the work goes to the packed vector GEMM ({@link FloatGemm}).
 * A product is split across threads only when every thread gets at least {@link
 * #MIN_MACS_PER_THREAD} multiply-adds (below that the hand-off costs more than it saves), along
 * whichever of M (in micro-kernel rows) and N (in packed panels) has more blocks, so each thread
 * owns a disjoint block of C. The scalar path runs i-k-j (a row of B is streamed into a row of C)
 * in blocks of {@link #KC} along k so that the touched rows of B stay in cache; with B
 * transposed and A not, each element of C is a dot product over two contiguous runs, four
 * columns at a time. A transposed A is copied to row-major first (O(M·K) against O(M·N·K)).
 */
public final class Sgemm {
  /** Block length along k. */
  private static final int KC = 256;
  /** Below this many multiply-adds the packing of the vector GEMM costs more than it saves. */
  private static final long VECTOR_MIN_WORK = 8L * 8 * 8;
  /** Multiply-adds each thread must get before a product is split across threads. */
  static final long MIN_MACS_PER_THREAD = 1L << 18;
  /** Row and column split units of the scalar kernels. */
  private static final int SCALAR_ROWS = 4;
  private static final int SCALAR_COLUMNS = 64;

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
    scalar(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
  }

  /** {@link #sgemm} split across threads by par when the product is large enough. */
  public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc, ParallelRange par) {
    split(m, n, k, par, (i0, i1, j0, j1) -> sgemm(transA, transB, i1 - i0, j1 - j0, k, alpha,
        a, aOff + (transA ? i0 : i0 * lda), lda, b, bOff + (transB ? j0 * ldb : j0), ldb, beta,
        c, cOff + i0 * ldc + j0, ldc));
  }

  /**
   * Packs op(B), a k×n matrix, for repeated products: {@code op(B)[p,j]} is {@code b[bOff + p·ldb
   * + j]}, or {@code b[bOff + j·ldb + p]} when transB. The source is not referenced afterwards.
   */
  public static PackedMatrix packB(float[] b, int bOff, int ldb, int k, int n, boolean transB) {
    if (k < 0 || n < 0) {
      throw new IllegalArgumentException("packB: negative size " + k + "x" + n);
    }
    FloatGemm vector = Vectorization.vectorGemm();
    if (vector != null) {
      return new PackedMatrix(k, n, vector.packB(transB, k, n, b, bOff, ldb), true);
    }
    float[] plain = new float[k * n];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        plain[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
      }
    }
    return new PackedMatrix(k, n, plain, false);
  }

  /**
   * Packs op(B) for repeated products, B stored dense: k×n row-major, or n×k when transB (the
   * layout of a Gemm weight with transB=1).
   */
  public static PackedMatrix packB(float[] b, int k, int n, boolean transB) {
    return packB(b, 0, transB ? k : n, k, n, transB);
  }

  /**
   * {@code C = alpha·op(A)·B + beta·C} with B pre-packed: m×n with n = {@code b.columns()} and the
   * inner dimension {@code b.rows()}; A and C as in {@link #sgemm}.
   */
  public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda,
      PackedMatrix b, float beta, float[] c, int cOff, int ldc) {
    sgemm(transA, m, alpha, a, aOff, lda, b, beta, c, cOff, ldc, ParallelRange.SERIAL);
  }

  /** The pre-packed product split across threads by par when it is large enough. */
  public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda,
      PackedMatrix b, float beta, float[] c, int cOff, int ldc, ParallelRange par) {
    int n = b.columns();
    int k = b.rows();
    split(m, n, k, par, (i0, i1, j0, j1) -> {
      int rows = i1 - i0;
      int ao = aOff + (transA ? i0 : i0 * lda);
      scale(c, cOff + i0 * ldc + j0, ldc, rows, j1 - j0, beta);
      if (k <= 0 || alpha == 0f) {
        return;
      }
      if (b.panels()) {
        Vectorization.vectorGemm().gemmPacked(transA, rows, n, j0, j1, k, alpha, a, ao, lda,
            b.data(), c, cOff + i0 * ldc, ldc);
      } else {
        scalar(transA, false, rows, j1 - j0, k, alpha, a, ao, lda, b.data(), j0, n,
            c, cOff + i0 * ldc + j0, ldc);
      }
    });
  }

  /** A block of C: rows [i0, i1), columns [j0, j1). */
  @FunctionalInterface
  private interface Block {
    void run(int i0, int i1, int j0, int j1);
  }

  /**
   * Cuts C into blocks of whole micro-kernel rows or whole panels, along the dimension with more
   * of them, and hands them to par with a grain that gives each thread enough work.
   */
  private static void split(int m, int n, int k, ParallelRange par, Block block) {
    if (m <= 0 || n <= 0) {
      return;
    }
    FloatGemm vector = Vectorization.vectorGemm();
    int rowUnit = vector != null ? vector.rowBlock() : SCALAR_ROWS;
    int colUnit = vector != null ? vector.panelWidth() : SCALAR_COLUMNS;
    int mUnits = ceilDiv(m, rowUnit);
    int nUnits = ceilDiv(n, colUnit);
    long depth = Math.max(1, k);
    if (mUnits >= nUnits) {
      long perUnit = (long) rowUnit * n * depth;
      par.forRange(mUnits, grain(perUnit), (u0, u1) ->
          block.run(u0 * rowUnit, Math.min(m, u1 * rowUnit), 0, n));
    } else {
      long perUnit = (long) colUnit * m * depth;
      par.forRange(nUnits, grain(perUnit), (u0, u1) ->
          block.run(0, m, u0 * colUnit, Math.min(n, u1 * colUnit)));
    }
  }

  private static int grain(long macsPerUnit) {
    return (int) Math.min(Integer.MAX_VALUE, (MIN_MACS_PER_THREAD + macsPerUnit - 1) / macsPerUnit);
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static void scalar(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
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
