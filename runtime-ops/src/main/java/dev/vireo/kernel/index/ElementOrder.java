package dev.vireo.kernel.index;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Compares elements of one tensor by value: numbers numerically (64-bit integers exactly,
 * unsigned ones unsigned, NaN above everything), strings by code unit, false before true.
 */
final class ElementOrder {
  private final double[] d;
  private final long[] l;
  private final String[] s;
  private final boolean unsigned;

  ElementOrder(Tensor t, String op) {
    DType ty = t.dtype();
    unsigned = ty == DType.UINT64;
    if (ty.storage() == DType.Storage.LONG) {
      l = t.longs();
      d = null;
      s = null;
    } else if (ty == DType.STRING) {
      s = t.strings();
      d = null;
      l = null;
    } else if (ty.isFloatingPoint() || ty.isInteger() || ty == DType.BOOL) {
      d = ty == DType.DOUBLE ? t.doubles() : toDoubles(t);
      l = null;
      s = null;
    } else {
      throw new IllegalArgumentException(op + " does not support " + t.describe());
    }
  }

  private static double[] toDoubles(Tensor t) {
    double[] r = new double[t.size()];
    if (t.dtype() == DType.FLOAT) {
      float[] f = t.floats();
      for (int i = 0; i < r.length; i++) {
        r[i] = f[i];
      }
      return r;
    }
    for (int i = 0; i < r.length; i++) {
      r[i] = t.getDouble(i);
    }
    return r;
  }

  /** Negative, zero or positive as element i is below, equal to or above element j. */
  int compare(int i, int j) {
    if (d != null) {
      return Double.compare(d[i] == 0 ? 0.0 : d[i], d[j] == 0 ? 0.0 : d[j]);
    }
    if (l != null) {
      return unsigned ? Long.compareUnsigned(l[i], l[j]) : Long.compare(l[i], l[j]);
    }
    return s[i].compareTo(s[j]);
  }

  /** Stable sort of {@code idx[from, to)} by the order {@code cmp} (merge sort, no boxing). */
  static void sort(int[] idx, int from, int to, IntComparator cmp) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int a = lo;
        int b = mid;
        int k = 0;
        while (a < mid && b < hi) {
          tmp[k++] = cmp.compare(idx[from + b], idx[from + a]) < 0 ? idx[from + b++] : idx[from + a++];
        }
        while (a < mid) {
          tmp[k++] = idx[from + a++];
        }
        while (b < hi) {
          tmp[k++] = idx[from + b++];
        }
        System.arraycopy(tmp, 0, idx, from + lo, k);
      }
    }
  }

  /** An order on int keys. */
  @FunctionalInterface
  interface IntComparator {
    int compare(int a, int b);
  }
}
