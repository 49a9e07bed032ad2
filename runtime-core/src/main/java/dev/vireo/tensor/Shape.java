package dev.vireo.tensor;

import java.util.Arrays;

/**
 * The concrete shape of a tensor: non-negative dims, row-major. Immutable.
 *
 * <p>Element counts are limited to what a Java array can hold ({@link #MAX_ELEMENTS}); a larger
 * shape is rejected here so that no kernel has to check.
 */
public final class Shape {
  /** The largest element count a tensor may have (the JVM's array limit). */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  public static final Shape SCALAR = new Shape(new int[0], 1);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims, int size) {
    this.dims = dims;
    this.size = size;
  }

  /**
   * A shape of these dims.
   *
   * @throws IllegalArgumentException if a dim is negative or the element count exceeds {@link
   *     #MAX_ELEMENTS}
   */
  public static Shape of(int... dims) {
    return new Shape(dims.clone(), checkedSize(dims));
  }

  /** A shape from 64-bit dims, as ONNX stores them; rejects dims that do not fit. */
  public static Shape of(long... dims) {
    int[] d = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > MAX_ELEMENTS) {
        throw new IllegalArgumentException(
            "dim " + i + " is " + dims[i] + " in " + Arrays.toString(dims)
                + ": dims must be in [0, " + MAX_ELEMENTS + "]");
      }
      d[i] = (int) dims[i];
    }
    return new Shape(d, checkedSize(d));
  }

  private static int checkedSize(int[] dims) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "dim " + i + " is negative in " + Arrays.toString(dims));
      }
      n *= dims[i];
      if (n > MAX_ELEMENTS) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has more than " + MAX_ELEMENTS + " elements");
      }
    }
    // a zero dim after an overflow-free prefix still gives 0
    for (int d : dims) {
      if (d == 0) {
        return 0;
      }
    }
    return (int) n;
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  /** A copy of the dims. */
  public int[] dims() {
    return dims.clone();
  }

  /** The dims as ONNX's 64-bit values. */
  public long[] longDims() {
    long[] l = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      l[i] = dims[i];
    }
    return l;
  }

  /** Number of elements (1 for a scalar). */
  public int size() {
    return size;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** Product of dims in [from, to). */
  public int sizeBetween(int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      n *= dims[i];
    }
    return n;
  }

  /**
   * Normalizes a possibly negative axis against this rank.
   *
   * @throws IllegalArgumentException when out of range
   */
  public int axis(long axis) {
    return normalizeAxis(axis, dims.length);
  }

  /** Normalizes a possibly negative axis against a rank; throws when out of [-rank, rank). */
  public static int normalizeAxis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** E.g. {@code [1,3,224,224]}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(dims[i]);
    }
    return b.append(']').toString();
  }
}
