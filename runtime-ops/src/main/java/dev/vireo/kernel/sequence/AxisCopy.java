package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Block copies along one axis of row-major tensors of any element type: slicing, concatenation
 * and stacking, shared by the sequence kernels and Loop/Scan.
 *
 * <p>Every operation views a tensor as {@code [outer, axisDim, inner]} and moves contiguous runs
 * of {@code len * inner} elements with {@link System#arraycopy}, which works for every storage
 * array class.
 */
public final class AxisCopy {
  private AxisCopy() {}

  /** Elements {@code [start, start + len)} of {@code axis}, keeping the axis. */
  public static Tensor slice(Tensor t, int axis, int start, int len, ExecContext ctx) {
    int[] dims = t.shape().dims();
    int outer = t.shape().sizeBetween(0, axis);
    int inner = t.shape().sizeBetween(axis + 1, dims.length);
    int dim = dims[axis];
    if (start < 0 || len < 0 || start + len > dim) {
      throw new IllegalArgumentException("slice [" + start + ", " + (start + len) + ") of axis " + axis
          + " is outside " + t.describe());
    }
    dims[axis] = len;
    Tensor out = ctx.allocate(t.dtype(), Shape.of(dims));
    int run = len * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(t.data(), (o * dim + start) * inner, out.data(), o * run, run);
    }
    return out;
  }

  /** Element {@code index} of {@code axis}, with the axis removed. */
  public static Tensor take(Tensor t, int axis, int index, ExecContext ctx) {
    Tensor s = slice(t, axis, index, 1, ctx);
    return s.reshape(removeAxis(s.shape(), axis));
  }

  /**
   * Concatenates tensors along an existing axis.
   *
   * @throws IllegalArgumentException when ranks, element types or the other dims differ
   */
  public static Tensor concat(List<Tensor> parts, int axis, ExecContext ctx) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    Tensor first = parts.get(0);
    int[] dims = first.shape().dims();
    int total = 0;
    for (Tensor p : parts) {
      if (p.dtype() != first.dtype() || p.rank() != dims.length) {
        throw new IllegalArgumentException("cannot concatenate " + first.describe() + " and " + p.describe());
      }
      for (int d = 0; d < dims.length; d++) {
        if (d != axis && p.shape().dim(d) != dims[d]) {
          throw new IllegalArgumentException("cannot concatenate " + first.describe() + " and "
              + p.describe() + " along axis " + axis + ": dim " + d + " differs");
        }
      }
      total += p.shape().dim(axis);
    }
    int outer = first.shape().sizeBetween(0, axis);
    int inner = first.shape().sizeBetween(axis + 1, dims.length);
    dims[axis] = total;
    Tensor out = ctx.allocate(first.dtype(), Shape.of(dims));
    int outRun = total * inner;
    int offset = 0;
    for (Tensor p : parts) {
      int run = p.shape().dim(axis) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(p.data(), o * run, out.data(), o * outRun + offset, run);
      }
      offset += run;
    }
    return out;
  }

  /**
   * Stacks equal-shaped tensors along a new axis {@code axis} (in {@code [0, rank]}).
   *
   * @throws IllegalArgumentException when shapes or element types differ
   */
  public static Tensor stack(List<Tensor> parts, int axis, ExecContext ctx) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to stack");
    }
    Shape s = parts.get(0).shape();
    Tensor[] expanded = new Tensor[parts.size()];
    for (int i = 0; i < expanded.length; i++) {
      Tensor p = parts.get(i);
      if (!p.shape().equals(s)) {
        throw new IllegalArgumentException("cannot stack " + parts.get(0).describe() + " and " + p.describe()
            + ": shapes differ");
      }
      expanded[i] = p.reshape(insertAxis(s, axis, 1));
    }
    return concat(List.of(expanded), axis, ctx);
  }

  /** An empty tensor: {@code elementShape} with a new axis of size 0 at {@code axis}. */
  public static Tensor emptyStack(DType dtype, Shape elementShape, int axis, ExecContext ctx) {
    return ctx.allocate(dtype, insertAxis(elementShape, axis, 0));
  }

  /** The shape with a new axis of size {@code size} before position {@code axis}. */
  public static Shape insertAxis(Shape s, int axis, int size) {
    int[] d = s.dims();
    int[] r = new int[d.length + 1];
    System.arraycopy(d, 0, r, 0, axis);
    r[axis] = size;
    System.arraycopy(d, axis, r, axis + 1, d.length - axis);
    return Shape.of(r);
  }

  /** The shape without {@code axis}. */
  public static Shape removeAxis(Shape s, int axis) {
    int[] d = s.dims();
    int[] r = new int[d.length - 1];
    System.arraycopy(d, 0, r, 0, axis);
    System.arraycopy(d, axis + 1, r, axis, r.length - axis);
    return Shape.of(r);
  }
}
