package dev.vireo.kernel.reduce;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.StridedCopy;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * One of the ten reductions ({@link ReduceKind}) over the given axes, with {@code keepdims} and
 * {@code noop_with_empty_axes}; axes come from the attribute or, from the kind's axes-input
 * opset on, from input 1. Types: f32, f64, f16/bf16 (computed in f32), i32, i64, u32, u64, and
 * for max and min also i8, u8 and bool.
 *
 * <p>No axes means every axis, unless {@code noop_with_empty_axes} is set: then nothing is
 * reduced and only the kind's element-wise steps apply. An empty reduced set yields the kind's
 * empty value (see {@link ReduceKind}).
 *
 * <p>Implementation notes: the input is brought (converted to float, double or long, and, when
 * a kept axis follows a reduced one, permuted) into a working array whose reduced axes are
 * innermost, so that every output element folds one contiguous row; rows are split over the
 * pool.
 */
public final class ReduceKernel implements Kernel {
  private static final int GRAIN = 1 << 14;

  private final ReduceKind kind;
  private final boolean keepDims;
  private final boolean noopWithEmptyAxes;
  /** The axes attribute (null when absent); unused when axes come from input 1. */
  private final long[] axesAttr;
  private final boolean axesFromInput;

  ReduceKernel(Node n, ReduceKind kind, boolean axesFromInput) {
    this.kind = kind;
    this.axesFromInput = axesFromInput;
    keepDims = n.attrInt("keepdims", 1) != 0;
    noopWithEmptyAxes = axesFromInput && n.attrInt("noop_with_empty_axes", 0) != 0;
    axesAttr = axesFromInput ? null : n.attrInts("axes", null);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    int r = x.rank();
    long[] axes = axesAttr;
    if (axesFromInput && inputs.length > 1 && inputs[1] != null) {
      axes = Axes.values(inputs[1], kind.opType() + " axes");
    }
    boolean[] reduced = new boolean[r];
    if (axes == null || axes.length == 0) {
      if (!noopWithEmptyAxes) {
        java.util.Arrays.fill(reduced, true);
      }
    } else {
      for (int a : Axes.normalize(axes, r, kind.opType() + " axes")) {
        reduced[a] = true;
      }
    }
    int[] dims = x.shape().dims();
    int outer = 1;
    int len = 1;
    int outRank = 0;
    for (int i = 0; i < r; i++) {
      if (reduced[i]) {
        len *= dims[i];
      } else {
        outer *= dims[i];
      }
      outRank += reduced[i] && !keepDims ? 0 : 1;
    }
    int[] outDims = new int[outRank];
    for (int i = 0, k = 0; i < r; i++) {
      if (!reduced[i]) {
        outDims[k++] = dims[i];
      } else if (keepDims) {
        outDims[k++] = 1;
      }
    }
    Tensor out = ctx.allocate(x.dtype(), Shape.of(outDims));
    if (outer == 0) {
      return new Tensor[] {out};
    }
    switch (x.dtype()) {
      case FLOAT -> reduceFloats(working(x.floats(), x, reduced, ctx), out.floats(), outer, len, ctx);
      case FLOAT16, BFLOAT16 -> {
        float[] f = new float[outer];
        reduceFloats(working(halfToFloat(x), x, reduced, ctx), f, outer, len, ctx);
        short[] o = out.shorts();
        boolean half = x.dtype() == DType.FLOAT16;
        for (int i = 0; i < outer; i++) {
          o[i] = half ? Float16.floatToHalf(f[i]) : Float16.floatToBfloat16(f[i]);
        }
      }
      case DOUBLE -> reduceDoubles(working(x.doubles(), x, reduced, ctx), out.doubles(), outer, len, ctx);
      default -> reduceLongs(x, out, reduced, outer, len, ctx);
    }
    return new Tensor[] {out};
  }

  private void reduceFloats(float[] w, float[] o, int outer, int len, ExecContext ctx) {
    ctx.parallelFor(outer, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
      for (int i = from; i < to; i++) {
        o[i] = (float) kind.row(w, i * len, len);
      }
    });
  }

  private void reduceDoubles(double[] w, double[] o, int outer, int len, ExecContext ctx) {
    ctx.parallelFor(outer, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
      for (int i = from; i < to; i++) {
        o[i] = kind.row(w, i * len, len);
      }
    });
  }

  private void reduceLongs(
      Tensor x, Tensor out, boolean[] reduced, int outer, int len, ExecContext ctx) {
    DType t = x.dtype();
    // u64 compares unsigned: flipping the sign bit maps unsigned order onto signed order
    long flip = t == DType.UINT64 && kind.compares() ? Long.MIN_VALUE : 0;
    long[] w = working(IntegerRows.widen(x, flip), x, reduced, ctx);
    long[] o = new long[outer];
    if (len == 0) {
      java.util.Arrays.fill(o, kind.emptyLong(IntegerRows.min(t), IntegerRows.max(t)) ^ flip);
    } else {
      ctx.parallelFor(outer, Math.max(1, GRAIN / len), (from, to) -> {
        for (int i = from; i < to; i++) {
          o[i] = kind.row(w, i * len, len);
        }
      });
    }
    IntegerRows.narrow(o, flip, out);
  }

  private static float[] halfToFloat(Tensor x) {
    short[] s = x.shorts();
    float[] f = new float[s.length];
    boolean half = x.dtype() == DType.FLOAT16;
    for (int i = 0; i < s.length; i++) {
      f[i] = half ? Float16.halfToFloat(s[i]) : Float16.bfloat16ToFloat(s[i]);
    }
    return f;
  }

  /**
   * The data with its kept axes outermost and its reduced axes innermost, each group in its
   * original order; the array itself when that is already its layout (axes of size 1 never
   * force a copy).
   */
  private static <A> A working(A data, Tensor x, boolean[] reduced, ExecContext ctx) {
    int r = reduced.length;
    int[] dims = x.shape().dims();
    boolean seenReduced = false;
    boolean needsCopy = false;
    for (int i = 0; i < r; i++) {
      if (dims[i] == 1) {
        continue;
      }
      if (reduced[i]) {
        seenReduced = true;
      } else if (seenReduced) {
        needsCopy = true;
      }
    }
    if (!needsCopy || x.size() == 0) {
      return data;
    }
    int[] st = x.shape().strides();
    int[] od = new int[r];
    int[] ost = new int[r];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < r; i++) {
        if (reduced[i] == (pass == 1)) {
          od[k] = dims[i];
          ost[k++] = st[i];
        }
      }
    }
    @SuppressWarnings("unchecked")
    A dst = (A) java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), x.size());
    int inner = od[r - 1];
    int step = ost[r - 1];
    int rows = x.size() / inner;
    ctx.parallelFor(rows, Math.max(1, GRAIN / inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        int off = 0;
        int q = row;
        for (int d = r - 2; d >= 0; d--) {
          int nq = q / od[d];
          off += (q - nq * od[d]) * ost[d];
          q = nq;
        }
        StridedCopy.copy(data, off, step, dst, row * inner, inner);
      }
    });
    return dst;
  }
}
