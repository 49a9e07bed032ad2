package dev.vireo.linalg;

/**
 * The scalar {@link IndirectGemm}: plain loops over the same packed layout (the reference the
 * vector kernel is tested against).
 *
 * @param rowBlock rows per packed A panel
 * @param panelWidth columns per multiply call
 * @param depthBlock k steps per packed A block
 */
public record ScalarIndirectGemm(int rowBlock, int panelWidth, int depthBlock)
    implements IndirectGemm {
  @Override
  public float[] packA(int m, int k, float[] a, int aOff, int lda) {
    return packA(m, k, a, aOff, lda, rowBlock, depthBlock);
  }

  /** The layout of {@link IndirectGemm}'s class comment for the given block sizes. */
  static float[] packA(int m, int k, float[] a, int aOff, int lda, int mr, int kcMax) {
    int mPad = (m + mr - 1) / mr * mr;
    float[] dst = new float[Math.multiplyExact(mPad, Math.max(0, k))];
    for (int pc = 0; pc < k; pc += kcMax) {
      int kc = Math.min(kcMax, k - pc);
      for (int i = 0; i < m; i++) {
        int panel = pc * mPad + (i / mr * mr) * kc + i % mr;
        int src = aOff + i * lda + pc;
        for (int p = 0; p < kc; p++) {
          dst[panel + p * mr] = a[src + p];
        }
      }
    }
    return dst;
  }

  @Override
  public void multiply(int rows, int kc, float[] ap, int ao, float[] src, int[] offsets, int oo,
      int col0, int cols, float[] c, int co, int ldc, boolean accumulate) {
    int mr = rowBlock;
    for (int i = 0; i < rows; i++) {
      int panel = ao + (i / mr) * mr * kc + i % mr;
      int row = co + i * ldc;
      for (int j = 0; j < cols; j++) {
        float s = 0f;
        for (int p = 0; p < kc; p++) {
          s += ap[panel + p * mr] * src[offsets[oo + p] + col0 + j];
        }
        c[row + j] = accumulate ? c[row + j] + s : s;
      }
    }
  }
}
