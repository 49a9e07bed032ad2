package dev.vireo.linalg;

/**
 * Copies a strided run of elements between arrays of the same storage class (any primitive
 * array or {@code String[]}): {@code dst[d + i] = src[s + i·step]} for i in [0, n).
 */
public final class StridedCopy {
  private StridedCopy() {}

  public static void copy(Object src, int s, int step, Object dst, int d, int n) {
    if (step == 1) {
      System.arraycopy(src, s, dst, d, n);
      return;
    }
    switch (src) {
      case float[] a -> { float[] b = (float[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case double[] a -> { double[] b = (double[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case int[] a -> { int[] b = (int[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case long[] a -> { long[] b = (long[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case short[] a -> { short[] b = (short[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case byte[] a -> { byte[] b = (byte[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case boolean[] a -> { boolean[] b = (boolean[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      case Object[] a -> { Object[] b = (Object[]) dst; for (int i = 0; i < n; i++) b[d + i] = a[s + i * step]; }
      default -> throw new IllegalArgumentException("not an array: " + src.getClass());
    }
  }
}
