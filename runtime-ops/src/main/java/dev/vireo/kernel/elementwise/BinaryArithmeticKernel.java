package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Add, Sub, Mul, Div, Pow, Mod, PRelu, the bitwise ops and BitShift of two tensors, and Max,
 * Min and Sum of one or more, with
 * multidirectional broadcasting (before opset 7: B broadcast to A when broadcast=1, aligned at
 * {@code axis}). Both
 * inputs must have the same element type (f32, f64, i32, i64; f16/bf16 computed in f32; i8, u8,
 * i16, u16, u32 and u64 computed in int64), except
 * Pow, whose exponent may be any numeric type and is converted to the base's type.
 */
public final class BinaryArithmeticKernel implements Kernel {
  /** Work per parallel chunk, in elements. */
  private static final int GRAIN = 1 << 14;

  private final String op;
  private final BinaryOp fn;

  /** Before opset 7, B broadcasts to A only when broadcast=1, aligned at axis (or at the end). */
  private final boolean legacy;
  private final Long legacyAxis;

  /** Before opset 7, PRelu's 1-D slope of X's dim 1 size holds one value per channel. */
  private final boolean channelSlope;

  public BinaryArithmeticKernel(String op, BinaryOp fn, Node n) {
    this.op = op;
    this.fn = fn;
    // opset 7: numpy broadcasting replaced the broadcast and axis attributes
    boolean old = n.opset() < 7 && (fn != BinaryOp.MAX && fn != BinaryOp.MIN);
    legacy = old && n.attrInt("broadcast", 0) != 0;
    legacyAxis = legacy && n.hasAttr("axis") ? n.attrInt("axis", 0) : null;
    channelSlope = n.opset() < 7 && fn == BinaryOp.PRELU;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    // Max, Min and Sum are variadic: fold left over their inputs
    Tensor acc = inputs[0];
    for (int i = 1; i < inputs.length; i++) {
      acc = pair(acc, inputs[i], ctx);
    }
    return new Tensor[] {acc};
  }

  private Tensor pair(Tensor a, Tensor b, ExecContext ctx) {
    if (legacy) {
      b = alignLegacy(a, b);
    }
    if (channelSlope && b.rank() == 1 && a.rank() >= 2 && b.size() == a.shape().dim(1)) {
      int[] d = new int[a.rank() - 1];
      java.util.Arrays.fill(d, 1);
      d[0] = b.size();
      b = b.reshape(Shape.of(d));
    }
    if (a.dtype() != b.dtype()) {
      if (fn != BinaryOp.POW) {
        throw new IllegalArgumentException(op + ": element types differ: A " + a.describe()
            + ", B " + b.describe());
      }
      b = convert(b, a.dtype());
    }
    DType t = a.dtype();
    if (IntegerWidening.isNarrow(t)) {
      return narrowInteger(a, b, ctx);
    }
    if (t == DType.FLOAT16 || t == DType.BFLOAT16) {
      Tensor r = compute(HalfFloats.widen(a), HalfFloats.widen(b), ctx);
      return HalfFloats.narrow(ctx, r, t);
    }
    return compute(a, b, ctx);
  }

  /**
   * i8..u64 through int64: wrapping add, sub, mul and pow are the same computed wide, as are the
   * bit operations and shifts (unsigned values widen without sign); division, remainder and
   * max/min of u64 need unsigned arithmetic on the bits, and u64 PRelu is the identity.
   */
  private Tensor narrowInteger(Tensor a, Tensor b, ExecContext ctx) {
    DType t = a.dtype();
    if (t == DType.UINT64 && (fn == BinaryOp.MAX || fn == BinaryOp.MIN)) {
      // flipping the sign bit maps unsigned order onto signed order, and back
      Tensor r = compute(IntegerWidening.widenOrdered(a), IntegerWidening.widenOrdered(b), ctx);
      long[] v = r.longs();
      for (int i = 0; i < v.length; i++) {
        v[i] ^= Long.MIN_VALUE;
      }
      return IntegerWidening.narrow(ctx, r, t);
    }
    // PRelu: no u64 value is negative, so each output is its x
    if (t == DType.UINT64
        && (fn == BinaryOp.DIV || fn == BinaryOp.MOD || fn == BinaryOp.FMOD || fn == BinaryOp.PRELU)) {
      Broadcast bc = Broadcast.of(a.shape().dims(), b.shape().dims());
      Tensor out = ctx.allocate(t, Shape.of(bc.outDims()));
      long[] x = a.longs();
      long[] y = b.longs();
      long[] o = out.longs();
      int n = bc.inner();
      for (int r = 0; r < bc.rows() && out.size() > 0; r++) {
        int ao = bc.offset(0, r);
        int bo = bc.offset(1, r);
        for (int i = 0; i < n; i++) {
          long v = x[ao + i * bc.step(0)];
          if (fn == BinaryOp.PRELU) {
            o[r * n + i] = v;
            continue;
          }
          long d = y[bo + i * bc.step(1)];
          if (d == 0) {
            throw new IllegalArgumentException(op + ": integer division by zero (A " + a.describe()
                + ", B " + b.describe() + ")");
          }
          // unsigned operands: both remainders are the same
          o[r * n + i] = fn == BinaryOp.DIV ? Long.divideUnsigned(v, d) : Long.remainderUnsigned(v, d);
        }
      }
      return out;
    }
    Tensor r = compute(IntegerWidening.widen(a), IntegerWidening.widen(b), ctx);
    return IntegerWidening.narrow(ctx, r, t);
  }

  private Tensor compute(Tensor a, Tensor b, ExecContext ctx) {
    Broadcast bc = Broadcast.of(a.shape().dims(), b.shape().dims());
    Tensor out = ctx.allocateUninitialized(a.dtype(), Shape.of(bc.outDims()));
    if (out.size() == 0) {
      return out;
    }
    if (a.dtype() == DType.FLOAT && FloatBinary.run(fn, a.floats(), b.floats(), out.floats(), bc, ctx)) {
      return out;
    }
    Object x = a.data();
    Object y = b.data();
    Object o = out.data();
    int inner = bc.inner();
    int as = bc.step(0);
    int bs = bc.step(1);
    try {
      if (bc.rows() == 1) {
        ctx.parallelFor(inner, GRAIN, (from, to) ->
            row(x, from * as, as, y, from * bs, bs, o, from, to - from));
      } else {
        ctx.parallelFor(bc.rows(), Math.max(1, GRAIN / inner), (from, to) -> {
          for (int r = from; r < to; r++) {
            row(x, bc.offset(0, r), as, y, bc.offset(1, r), bs, o, r * inner, inner);
          }
        });
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(op + ": integer division by zero (A " + a.describe()
          + ", B " + b.describe() + ")", e);
    }
    return out;
  }

  private void row(Object a, int ao, int as, Object b, int bo, int bs, Object o, int oo, int n) {
    switch (a) {
      case float[] x -> fn.apply(x, ao, as, (float[]) b, bo, bs, (float[]) o, oo, n);
      case double[] x -> fn.apply(x, ao, as, (double[]) b, bo, bs, (double[]) o, oo, n);
      case int[] x -> fn.apply(x, ao, as, (int[]) b, bo, bs, (int[]) o, oo, n);
      case long[] x -> fn.apply(x, ao, as, (long[]) b, bo, bs, (long[]) o, oo, n);
      default -> throw new IllegalArgumentException(op + ": unsupported element type");
    }
  }

  /** B viewed with A's rank: its dims placed from axis on (default: at the end), 1 elsewhere. */
  private Tensor alignLegacy(Tensor a, Tensor b) {
    int ra = a.rank();
    int rb = b.rank();
    long axis = legacyAxis == null ? ra - rb : legacyAxis < 0 ? legacyAxis + ra : legacyAxis;
    if (rb > ra || axis < 0 || axis + rb > ra) {
      throw new IllegalArgumentException(op + ": B " + b.describe() + " cannot broadcast to A "
          + a.describe() + " at axis " + axis);
    }
    int[] d = new int[ra];
    java.util.Arrays.fill(d, 1);
    for (int i = 0; i < rb; i++) {
      d[(int) axis + i] = b.shape().dim(i);
    }
    return b.reshape(Shape.of(d));
  }

  /** Pow's exponent converted to the base's type. */
  private static Tensor convert(Tensor e, DType to) {
    int n = e.size();
    return switch (to) {
      case FLOAT, FLOAT16, BFLOAT16 -> Tensor.wrap(DType.FLOAT, e.shape(), e.toFloatArray());
      case DOUBLE -> {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = e.getDouble(i);
        }
        yield Tensor.wrap(DType.DOUBLE, e.shape(), d);
      }
      case INT64 -> Tensor.wrap(DType.INT64, e.shape(), e.dtype().isInteger()
          ? e.toLongArray() : java.util.Arrays.stream(toDoubles(e)).mapToLong(v -> (long) v).toArray());
      case INT32 -> {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
          d[i] = e.dtype().isInteger() ? (int) e.getLong(i) : (int) e.getDouble(i);
        }
        yield Tensor.wrap(DType.INT32, e.shape(), d);
      }
      default -> throw new IllegalArgumentException("Pow: unsupported base type " + to);
    };
  }

  private static double[] toDoubles(Tensor e) {
    double[] d = new double[e.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = e.getDouble(i);
    }
    return d;
  }
}
