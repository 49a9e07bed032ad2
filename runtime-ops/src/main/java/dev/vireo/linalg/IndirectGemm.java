package dev.vireo.linalg;

/**
 * A float32 matrix product whose left operand A is packed once (a convolution's filters) and
 * whose right operand B is read in place through a table of row offsets: row p of B's block is
 * the run {@code src[offsets[oo + p] + col0 ...]}. A convolution whose input has been laid out so
 * that every unfolded row is a contiguous run (see the conv kernels) thus needs no im2col copy.
 *
 * <p>A is packed by {@link #packA} into blocks of {@link #depthBlock()} k steps: block {@code pc}
 * starts at {@code pc·mPad} (mPad = m rounded up to {@link #rowBlock()}) and holds panels of
 * rowBlock rows, k-major, the panel of row i0 at {@code pc·mPad + i0·kc}. Implementations are
 * stateless and safe to call from many threads.
 */
public interface IndirectGemm {
  /** Rows of a packed A panel. */
  int rowBlock();

  /** Columns one {@link #multiply} call covers at most. */
  int panelWidth();

  /** k steps per packed block of A. */
  int depthBlock();

  /** Packs A (m×k, {@code A[i,p] = a[aOff + i·lda + p]}) in the layout of the class comment. */
  float[] packA(int m, int k, float[] a, int aOff, int lda);

  /**
   * {@code C[i,j] (+)= Σ_{p<kc} Ablock[i,p] · src[offsets[oo + p] + col0 + j]} for i in [0, rows),
   * j in [0, cols), with {@code C[i,j] = c[co + i·ldc + j]}; stores when {@code accumulate} is
   * false, adds otherwise.
   *
   * <p>{@code ap[ao]} is the first panel of the rows (panels follow at {@code kc·rowBlock()}
   * floats). {@code cols ≤ panelWidth()}; the kernel may read up to {@link #panelWidth()} floats
   * of each B row (cols rounded up to whole vectors), so {@code src} must hold them.
   */
  void multiply(int rows, int kc, float[] ap, int ao, float[] src, int[] offsets, int oo,
      int col0, int cols, float[] c, int co, int ldc, boolean accumulate);
}
