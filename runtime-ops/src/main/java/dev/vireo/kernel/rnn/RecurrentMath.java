package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;

/**
 * The matrix products of the recurrent kernels over row-major float arrays.
 *
 * <p>Weights come as ONNX stores them, {@code [out, in]}; they are transposed once per call to
 * {@code [in, out]} so that every product runs in i-k-j order: for each output row, each
 * element of the left row scales one contiguous row of the right matrix into the output row,
 * which the JIT vectorizes.
 */
final class RecurrentMath {
  /** Rows of the input projection per parallel chunk are chosen to give about this many MACs. */
  private static final int MACS_PER_CHUNK = 1 << 16;

  private RecurrentMath() {}

  /** The transpose of the {@code rows × cols} matrix starting at {@code m[off]}. */
  static float[] transpose(float[] m, int off, int rows, int cols) {
    float[] t = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      int src = off + i * cols;
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[src + j];
      }
    }
    return t;
  }

  /**
   * {@code a·bT + bias}: a is {@code [rows, k]}, bT is {@code [k, n]}, bias has n entries added to
   * every row; returns {@code [rows, n]}. Rows are split over the context's threads.
   */
  static float[] multiplyWithBias(
      float[] a, int rows, int k, float[] bT, int n, float[] bias, ExecContext ctx) {
    float[] c = new float[rows * n];
    int minRows = Math.max(1, MACS_PER_CHUNK / Math.max(1, k * n));
    ctx.parallelFor(rows, minRows, (from, to) -> {
      for (int i = from; i < to; i++) {
        System.arraycopy(bias, 0, c, i * n, n);
        rowTimes(a, i * k, k, bT, n, 0, n, c, i * n);
      }
    });
    return c;
  }

  /**
   * {@code out[outOff + (j - colFrom)] += Σ_p v[vOff + p] · m[p·ldm + j]} for j in [colFrom,
   * colTo): one row vector times columns colFrom..colTo of the {@code [k, ldm]} matrix m.
   */
  static void rowTimes(
      float[] v, int vOff, int k, float[] m, int ldm, int colFrom, int colTo, float[] out,
      int outOff) {
    int width = colTo - colFrom;
    int p = 0;
    // four rows of m per pass: the output row is loaded and stored a quarter as often
    for (; p + 3 < k; p += 4) {
      float s0 = v[vOff + p];
      float s1 = v[vOff + p + 1];
      float s2 = v[vOff + p + 2];
      float s3 = v[vOff + p + 3];
      int r0 = p * ldm + colFrom;
      int r1 = r0 + ldm;
      int r2 = r1 + ldm;
      int r3 = r2 + ldm;
      for (int j = 0; j < width; j++) {
        out[outOff + j] += s0 * m[r0 + j] + s1 * m[r1 + j] + s2 * m[r2 + j] + s3 * m[r3 + j];
      }
    }
    for (; p < k; p++) {
      float s = v[vOff + p];
      int row = p * ldm + colFrom;
      for (int j = 0; j < width; j++) {
        out[outOff + j] += s * m[row + j];
      }
    }
  }

  /** How many batch rows of one step to give each thread: about MACS_PER_CHUNK of work each. */
  static int rowsPerChunk(int macsPerRow) {
    return Math.max(1, MACS_PER_CHUNK / Math.max(1, macsPerRow));
  }
}
