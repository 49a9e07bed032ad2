package dev.vireo.linalg;

import java.util.Arrays;

/**
 * Multidirectional (numpy-style) broadcasting of several inputs to one output shape, reduced to
 * rows: the output is walked as {@link #rows()} rows of {@link #inner()} contiguous elements,
 * and each input advances by {@link #step(int)} (0 or its stride) along a row.
 *
 * <p>Dims of size 1 are dropped and adjacent dims that every input walks contiguously are merged
 * first, so same-shape inputs become one row and {@code [N,C,H,W] + [C,1,1]} becomes N·C rows of
 * H·W with a step of 0 for the second input.
 */
public final class Broadcast {
  private final int[] outDims;
  private final int[] outerDims;
  private final int[][] outerStrides;
  private final int inner;
  private final int[] steps;
  private final int rows;

  private Broadcast(int[] outDims, int[] dims, int[][] strides) {
    this.outDims = outDims;
    int r = dims.length;
    int n = strides.length;
    if (r == 0) {
      inner = 1;
      steps = new int[n];
      outerDims = new int[0];
      outerStrides = new int[n][0];
    } else {
      inner = dims[r - 1];
      steps = new int[n];
      outerDims = Arrays.copyOf(dims, r - 1);
      outerStrides = new int[n][];
      for (int i = 0; i < n; i++) {
        steps[i] = strides[i][r - 1];
        outerStrides[i] = Arrays.copyOf(strides[i], r - 1);
      }
    }
    int rw = 1;
    for (int d : outerDims) {
      rw *= d;
    }
    rows = rw;
  }

  /**
   * Plans the broadcast of inputs of these shapes.
   *
   * @throws IllegalArgumentException naming all shapes when some dim pair is neither equal nor 1
   */
  public static Broadcast of(int[]... shapes) {
    int[] out = shape(shapes);
    int r = out.length;
    int n = shapes.length;
    int[][] strides = new int[n][];
    for (int i = 0; i < n; i++) {
      strides[i] = strides(shapes[i], out);
    }
    // drop size-1 output dims, then merge dims that every input walks contiguously
    int[] dims = new int[r];
    int[][] st = new int[n][r];
    int m = 0;
    for (int d = 0; d < r; d++) {
      if (out[d] == 1) {
        continue;
      }
      boolean merge = m > 0;
      for (int i = 0; i < n && merge; i++) {
        merge = st[i][m - 1] == strides[i][d] * out[d];
      }
      if (merge) {
        dims[m - 1] *= out[d];
        for (int i = 0; i < n; i++) {
          st[i][m - 1] = strides[i][d];
        }
      } else {
        dims[m] = out[d];
        for (int i = 0; i < n; i++) {
          st[i][m] = strides[i][d];
        }
        m++;
      }
    }
    for (int i = 0; i < n; i++) {
      st[i] = Arrays.copyOf(st[i], m);
    }
    return new Broadcast(out, Arrays.copyOf(dims, m), st);
  }

  /**
   * The broadcast output shape.
   *
   * @throws IllegalArgumentException naming the shapes when they cannot broadcast
   */
  public static int[] shape(int[]... shapes) {
    int r = 0;
    for (int[] s : shapes) {
      r = Math.max(r, s.length);
    }
    int[] out = new int[r];
    Arrays.fill(out, 1);
    for (int[] s : shapes) {
      for (int k = 0; k < s.length; k++) {
        int d = r - s.length + k;
        int v = s[k];
        if (out[d] == 1) {
          out[d] = v;
        } else if (v != 1 && v != out[d]) {
          throw new IllegalArgumentException("cannot broadcast shapes " + describe(shapes)
              + ": dim " + d + " of the output would be both " + out[d] + " and " + v);
        }
      }
    }
    return out;
  }

  private static String describe(int[]... shapes) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < shapes.length; i++) {
      if (i > 0) {
        b.append(i == shapes.length - 1 ? " and " : ", ");
      }
      b.append(dimsToString(shapes[i]));
    }
    return b.toString();
  }

  /** {@code [1,2,3]}. */
  public static String dimsToString(int[] dims) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(dims[i]);
    }
    return b.append(']').toString();
  }

  /** Row-major strides of {@code in} aligned right against {@code out}, 0 where broadcast. */
  public static int[] strides(int[] in, int[] out) {
    int r = out.length;
    int[] s = new int[r];
    int acc = 1;
    for (int k = in.length - 1; k >= 0; k--) {
      int d = r - in.length + k;
      s[d] = in[k] == 1 && out[d] != 1 ? 0 : acc;
      acc *= in[k];
    }
    return s;
  }

  /** The output dims. */
  public int[] outDims() {
    return outDims.clone();
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Elements per row. */
  public int inner() {
    return inner;
  }

  /** The step of input i along a row: 0 when broadcast along it. */
  public int step(int input) {
    return steps[input];
  }

  /** The offset in input i of the first element of a row. */
  public int offset(int input, int row) {
    int[] s = outerStrides[input];
    int off = 0;
    for (int d = outerDims.length - 1; d >= 0 && row > 0; d--) {
      int q = row / outerDims[d];
      off += (row - q * outerDims[d]) * s[d];
      row = q;
    }
    return off;
  }
}
