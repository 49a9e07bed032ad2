package dev.vireo.linalg;

/**
 * A float32 matrix product over row-major arrays: {@code C += alpha·op(A)·op(B)}.
 *
 * <p>{@code op(A)[i,p]} is {@code a[aOff + i·lda + p]}, or {@code a[aOff + p·lda + i]} when
 * transA; {@code op(B)[p,j]} is {@code b[bOff + p·ldb + j]}, or {@code b[bOff + j·ldb + p]} when
 * transB; {@code C[i,j]} is {@code c[cOff + i·ldc + j]}. C is accumulated into: callers clear or
 * scale it first. Implementations are stateless and safe to call from many threads.
 */
public interface FloatGemm {
  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);
}
