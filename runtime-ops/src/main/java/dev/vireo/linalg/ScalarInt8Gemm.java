package dev.vireo.linalg;

/** The reference {@link Int8Gemm}: plain loops over the packed panels; the test oracle. */
public final class ScalarInt8Gemm implements Int8Gemm {
  private final int width;

  public ScalarInt8Gemm(int width) {
    this.width = width;
  }

  @Override
  public int panelWidth() {
    return width;
  }

  @Override
  public void multiplyAdd(int[] a, int aOff, int m, Int8Panels w, int panel0, int panel1, int[] c,
      int cOff, int ldc) {
    int k = w.k();
    int nr = w.width();
    byte[] b = w.data();
    for (int panel = panel0; panel < panel1; panel++) {
      int base = panel * k * nr;
      for (int i = 0; i < m; i++) {
        int row = cOff + i * ldc + panel * nr;
        for (int p = 0; p < k; p++) {
          int av = a[aOff + i * k + p];
          int bRow = base + p * nr;
          for (int j = 0; j < nr; j++) {
            c[row + j] += av * b[bRow + j];
          }
        }
      }
    }
  }
}
