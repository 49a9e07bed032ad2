package dev.vireo.linalg;

/**
 * A float32 matrix product over row-major arrays: {@code C += alpha·op(A)·op(B)}, with B either
 * given as it is stored or packed once by {@link #packB} for repeated products.
 *
 * <p>{@code op(A)[i,p]} is {@code a[aOff + i·lda + p]}, or {@code a[aOff + p·lda + i]} when
 * transA; {@code op(B)[p,j]} is {@code b[bOff + p·ldb + j]}, or {@code b[bOff + j·ldb + p]} when
 * transB; {@code C[i,j]} is {@code c[cOff + i·ldc + j]}. C is accumulated into: callers clear or
 * scale it first. Implementations are stateless and safe to call from many threads.
 */
public interface FloatGemm {
  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

  /** Rows of A a micro-kernel covers: row splits across threads are multiples of it. */
  int rowBlock();

  /** Columns of a packed panel of B: column splits of a packed B start at multiples of it. */
  int panelWidth();

  /**
   * Packs op(B) (k×n) into the layout {@link #gemmPacked} reads: for each block of k, panels of
   * {@link #panelWidth()} columns, k-major, zero padded to a whole panel.
   */
  float[] packB(boolean transB, int k, int n, float[] b, int bOff, int ldb);

  /**
   * {@code C[:, j0..j1) += alpha·op(A)·B[:, j0..j1)} for B packed by {@link #packB} with k rows
   * and n columns; j0 is a multiple of {@link #panelWidth()}.
   */
  void gemmPacked(boolean transA, int m, int n, int j0, int j1, int k, float alpha,
      float[] a, int aOff, int lda, float[] packedB, float[] c, int cOff, int ldc);
}
