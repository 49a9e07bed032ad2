package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.UnaryOp;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * A float function applied element by element (Relu, Sigmoid, Tanh, Erf, Sqrt, Exp, Log, Cos,
 * Round, Gelu, ...): f32 and f64, with f16/bf16 computed in f32. Neg, Abs, Relu and Sign also
 * serve i32 and i64, and i8 and i16 through int64; Abs, Relu and Sign also serve the unsigned
 * types.
 */
public final class UnaryMathKernel implements Kernel {
  /** Elements per parallel chunk: below this a split costs more than it saves. */
  private static final int GRAIN = 1 << 14;

  private final UnaryOp fn;

  public UnaryMathKernel(UnaryOp fn) {
    this.fn = fn;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    DType t = x.dtype();
    switch (t) {
      case DOUBLE, INT32, INT64 -> {
        return new Tensor[] {exact(x, ctx)};
      }
      case INT8, INT16 -> {
        Tensor wide = exact(IntegerWidening.widen(x), ctx);
        return new Tensor[] {IntegerWidening.narrow(ctx, wide, t)};
      }
      case UINT8, UINT16, UINT32, UINT64 -> {
        return new Tensor[] {unsigned(x, ctx)};
      }
      default -> { }
    }
    Tensor in = HalfFloats.widen(x);
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] src = in.floats();
    float[] dst = out.floats();
    ctx.parallelFor(src.length, GRAIN, (from, to) -> {
      if (!VecMath.unary(fn, src, from, dst, from, to - from)) {
        fn.apply(src, dst, from, to);
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, out, t)};
  }

  /** Every function on f64; Neg, Abs, Relu and Sign on i32 and i64. */
  private Tensor exact(Tensor x, ExecContext ctx) {
    Tensor out = ctx.allocate(x.dtype(), x.shape());
    int n = x.size();
    switch (x.dtype()) {
      case DOUBLE -> {
        double[] s = x.doubles();
        double[] d = out.doubles();
        ctx.parallelFor(n, GRAIN, (from, to) -> fn.apply(s, d, from, to));
      }
      case INT32 -> {
        int[] s = x.ints();
        int[] d = out.ints();
        switch (fn) {
          case NEG -> { for (int i = 0; i < n; i++) d[i] = -s[i]; }
          case ABS -> { for (int i = 0; i < n; i++) d[i] = Math.abs(s[i]); }
          case RELU -> { for (int i = 0; i < n; i++) d[i] = Math.max(s[i], 0); }
          case SIGN -> { for (int i = 0; i < n; i++) d[i] = Integer.signum(s[i]); }
          default -> throw unsupported(x);
        }
      }
      default -> {
        long[] s = x.longs();
        long[] d = out.longs();
        switch (fn) {
          case NEG -> { for (int i = 0; i < n; i++) d[i] = -s[i]; }
          case ABS -> { for (int i = 0; i < n; i++) d[i] = Math.abs(s[i]); }
          case RELU -> { for (int i = 0; i < n; i++) d[i] = Math.max(s[i], 0); }
          case SIGN -> { for (int i = 0; i < n; i++) d[i] = Long.signum(s[i]); }
          default -> throw unsupported(x);
        }
      }
    }
    return out;
  }

  /** Abs and Relu are the identity on unsigned values; Sign is 1 for non-zero ones. */
  private Tensor unsigned(Tensor x, ExecContext ctx) {
    switch (fn) {
      case ABS, RELU -> {
        return x;
      }
      case SIGN -> {
        long[] v = IntegerWidening.widen(x).longs();
        long[] s = new long[v.length];
        for (int i = 0; i < v.length; i++) s[i] = v[i] != 0 ? 1 : 0;
        return IntegerWidening.narrow(ctx, Tensor.wrap(DType.INT64, x.shape(), s), x.dtype());
      }
      default -> throw unsupported(x);
    }
  }

  private IllegalArgumentException unsupported(Tensor x) {
    return new IllegalArgumentException(fn + " does not support " + x.describe());
  }
}
