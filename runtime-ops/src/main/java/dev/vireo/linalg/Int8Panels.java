package dev.vireo.linalg;

/**
 * A K×N matrix of 8-bit integers packed for {@link Int8Gemm}: columns in panels {@code width}
 * wide, each panel k-major ({@code data[panel·k·width + p·width + col]}), columns past N zero.
 * Unsigned weights are stored shifted by -128 (as signed bytes); {@link #zeroPoints} carries the
 * matching shift, so {@code (b - zp) = (stored - zeroPoints[j])} for both signednesses.
 *
 * <p>The array has {@link #SLACK} spare bytes after the last panel so that a vector load may
 * read a little past a panel's end.
 */
public final class Int8Panels {
  /** Spare bytes after the last panel (a 64-bit byte load widened to fewer int lanes over-reads). */
  public static final int SLACK = 64;

  private final int k;
  private final int n;
  private final int width;
  private final byte[] data;
  private final int[] zeroPoints;

  private Int8Panels(int k, int n, int width, byte[] data, int[] zeroPoints) {
    this.k = k;
    this.n = n;
    this.width = width;
    this.data = data;
    this.zeroPoints = zeroPoints;
  }

  /**
   * Packs row-major {@code b[off + p·n + j]} (K×N).
   *
   * @param unsigned whether the bytes are uint8 (else int8)
   * @param zeroPoint B's zero point: null (0), one value, or one per column; in B's own range
   * @param width the panel width, {@link Int8Gemm#panelWidth()} of the kernel that will read it
   */
  public static Int8Panels pack(byte[] b, int off, int k, int n, boolean unsigned, int[] zeroPoint,
      int width) {
    int panels = (n + width - 1) / width;
    byte[] d = new byte[panels * k * width + SLACK];
    int shift = unsigned ? 128 : 0;
    for (int p = 0; p < k; p++) {
      int row = off + p * n;
      for (int j = 0; j < n; j++) {
        int panel = j / width;
        d[panel * k * width + p * width + j % width] = (byte) ((unsigned ? b[row + j] & 0xFF : b[row + j]) - shift);
      }
    }
    int[] zp = null;
    if (zeroPoint != null || unsigned) {
      zp = new int[n];
      boolean any = false;
      for (int j = 0; j < n; j++) {
        int z = zeroPoint == null ? 0 : zeroPoint.length == 1 ? zeroPoint[0] : zeroPoint[j];
        zp[j] = z - shift;
        any |= zp[j] != 0;
      }
      zp = any ? zp : null;
    }
    return new Int8Panels(k, n, width, d, zp);
  }

  public int k() {
    return k;
  }

  public int n() {
    return n;
  }

  public int width() {
    return width;
  }

  public int panels() {
    return (n + width - 1) / width;
  }

  /** Columns rounded up to whole panels. */
  public int paddedN() {
    return panels() * width;
  }

  /** The packed bytes (shared, not copied: kernels only read them). */
  public byte[] data() {
    return data;
  }

  /** Per-column zero points of the stored values, or null when all are 0. */
  public int[] zeroPoints() {
    return zeroPoints;
  }
}
