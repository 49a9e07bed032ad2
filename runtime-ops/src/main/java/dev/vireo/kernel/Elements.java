package dev.vireo.kernel;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Tensor;

/**
 * Element moves for kernels that only relocate data: one switch on the storage class per call,
 * outside the element loop, so any element type is served without boxing.
 */
public final class Elements {
  private Elements() {}

  /**
   * {@code dst[j] = src[map[j]]} for every j with {@code map[j] >= 0}; entries with a negative
   * map are left as they are. Both arrays have the same storage class.
   */
  public static void gather(Object src, int[] map, Object dst) {
    int n = map.length;
    switch (src) {
      case float[] a -> { float[] b = (float[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case double[] a -> { double[] b = (double[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case int[] a -> { int[] b = (int[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case long[] a -> { long[] b = (long[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case short[] a -> { short[] b = (short[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case byte[] a -> { byte[] b = (byte[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case boolean[] a -> { boolean[] b = (boolean[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      case Object[] a -> { Object[] b = (Object[]) dst; for (int j = 0; j < n; j++) if (map[j] >= 0) b[j] = a[map[j]]; }
      default -> throw new IllegalArgumentException("not an array: " + src.getClass());
    }
  }

  /**
   * {@code dst[map[i]] = src[i]} for every i with {@code map[i] >= 0} (later entries win).
   */
  public static void scatter(Object src, int[] map, Object dst) {
    int n = map.length;
    switch (src) {
      case float[] a -> { float[] b = (float[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case double[] a -> { double[] b = (double[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case int[] a -> { int[] b = (int[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case long[] a -> { long[] b = (long[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case short[] a -> { short[] b = (short[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case byte[] a -> { byte[] b = (byte[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case boolean[] a -> { boolean[] b = (boolean[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      case Object[] a -> { Object[] b = (Object[]) dst; for (int i = 0; i < n; i++) if (map[i] >= 0) b[map[i]] = a[i]; }
      default -> throw new IllegalArgumentException("not an array: " + src.getClass());
    }
  }

  /** Sets every {@code dst[j]} with {@code map[j] < 0} to {@code value[0]} (same storage class). */
  public static void fillUnmapped(Object value, int[] map, Object dst) {
    int n = map.length;
    switch (value) {
      case float[] a -> { float[] b = (float[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case double[] a -> { double[] b = (double[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case int[] a -> { int[] b = (int[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case long[] a -> { long[] b = (long[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case short[] a -> { short[] b = (short[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case byte[] a -> { byte[] b = (byte[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case boolean[] a -> { boolean[] b = (boolean[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      case Object[] a -> { Object[] b = (Object[]) dst; for (int j = 0; j < n; j++) if (map[j] < 0) b[j] = a[0]; }
      default -> throw new IllegalArgumentException("not an array: " + value.getClass());
    }
  }

  /** A tensor of {@code shape} whose element j is {@code src[map[j]]}. */
  public static Tensor gathered(
      dev.vireo.exec.ExecContext ctx, Tensor src, dev.vireo.tensor.Shape shape, int[] map) {
    Tensor out = ctx.allocate(src.dtype(), shape);
    gather(src.data(), map, out.data());
    return out;
  }

  /**
   * A one-element array of dtype's storage class holding {@code v} converted to dtype (strings
   * get the empty string, bool is {@code v != 0}).
   */
  public static Object scalarArray(DType t, double v) {
    return switch (t) {
      case FLOAT -> new float[] {(float) v};
      case DOUBLE -> new double[] {v};
      case FLOAT16 -> new short[] {Float16.floatToHalf((float) v)};
      case BFLOAT16 -> new short[] {Float16.floatToBfloat16((float) v)};
      case INT16, UINT16 -> new short[] {(short) (long) v};
      case INT32, UINT32 -> new int[] {(int) (long) v};
      case INT64, UINT64 -> new long[] {(long) v};
      case BOOL -> new boolean[] {v != 0};
      case STRING -> new String[] {""};
      default -> new byte[] {(byte) (long) v};
    };
  }

  /** The values of an integer tensor as longs (unsigned types read unsigned). */
  public static long[] longs(Tensor t, String what) {
    if (!t.dtype().isInteger()) {
      throw new IllegalArgumentException(what + " must be an integer tensor, got " + t.describe());
    }
    return t.toLongArray();
  }

  /**
   * The gather map of an output whose index along each axis k reads source index {@code
   * axisSource[k][o]} (-1 = no source: the whole element is unmapped).
   *
   * @param srcStrides the source tensor's row-major strides
   */
  public static int[] axisMap(int[] outDims, int[][] axisSource, int[] srcStrides) {
    int r = outDims.length;
    long total = 1;
    for (int d : outDims) {
      total *= d;
    }
    int[] map = new int[(int) total];
    if (total == 0) {
      return map;
    }
    if (r == 0) {
      map[0] = 0;
      return map;
    }
    // odometer over the output; offsets per prefix avoid recomputing the whole sum
    int[] idx = new int[r];
    int last = r - 1;
    int[] lastSrc = axisSource[last];
    int lastStride = srcStrides[last];
    int lastDim = outDims[last];
    int j = 0;
    while (j < total) {
      int base = 0;
      boolean valid = true;
      for (int k = 0; k < last; k++) {
        int s = axisSource[k][idx[k]];
        if (s < 0) {
          valid = false;
          break;
        }
        base += s * srcStrides[k];
      }
      for (int o = 0; o < lastDim; o++, j++) {
        int s = lastSrc[o];
        map[j] = valid && s >= 0 ? base + s * lastStride : -1;
      }
      for (int k = last - 1; k >= 0; k--) {
        if (++idx[k] < outDims[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
    return map;
  }
}
