package dev.vireo.linalg;

/**
 * The integer product of a centered 8-bit activation matrix and 8-bit weights packed in
 * {@link Int8Panels}, accumulated exactly in int32 (two's complement wrap-around, as ONNX's
 * integer matmuls specify).
 *
 * <p>A holds {@code a - a_zero_point} as ints, each in [-255, 255], so every product with a
 * stored weight byte fits an int. The result is {@code Σ_p a[i,p]·stored[p,j]}; callers subtract
 * {@code zeroPoints[j]·Σ_p a[i,p]} for weights with a zero point (exact in modular arithmetic).
 * Implementations are stateless and safe to call from many threads.
 */
public interface Int8Gemm {
  /** The panel width this kernel reads (a multiple of its vector length). */
  int panelWidth();

  /**
   * Adds A·W to C for rows [0, m) and the columns of panels [panel0, panel1).
   *
   * @param a row-major m×k, {@code a[aOff + i·k + p]}
   * @param c row-major, {@code c[cOff + i·ldc + j]}; columns up to {@code w.paddedN()} must exist
   */
  void multiplyAdd(int[] a, int aOff, int m, Int8Panels w, int panel0, int panel1, int[] c,
      int cOff, int ldc);
}
