package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * Clip: limits values to [min, max]. Before opset 11 the bounds are the min/max attributes;
 * from opset 11 they are optional scalar inputs 1 and 2. f32 (and f16/bf16 via f32), i32, i64 and
 * the narrower integers.
 */
public final class ClipKernel implements Kernel {
  /** Elements per parallel chunk. */
  private static final int GRAIN = 1 << 15;

  private final boolean boundsAsInputs;
  private final float attrMin;
  private final float attrMax;

  public ClipKernel(Node n) {
    // opset 11: min and max became optional inputs
    boundsAsInputs = n.opset() >= 11;
    attrMin = n.attrFloat("min", Float.NEGATIVE_INFINITY);
    attrMax = n.attrFloat("max", Float.POSITIVE_INFINITY);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor lo = boundsAsInputs && inputs.length > 1 ? inputs[1] : null;
    Tensor hi = boundsAsInputs && inputs.length > 2 ? inputs[2] : null;
    for (Tensor b : new Tensor[] {lo, hi}) {
      if (b != null && b.size() != 1) {
        throw new IllegalArgumentException("Clip: min and max must be scalars, got " + b.describe());
      }
    }
    if (IntegerWidening.isNarrow(x.dtype())) {
      if (x.dtype() == DType.UINT64) {
        return new Tensor[] {clipUnsigned64(x, lo, hi, ctx)};
      }
      Tensor w = IntegerWidening.widen(x);
      long mn = lo == null ? Long.MIN_VALUE : lo.getLong(0);
      long mx = hi == null ? Long.MAX_VALUE : hi.getLong(0);
      long[] v = w.longs();
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.min(Math.max(v[i], mn), mx);
      }
      return new Tensor[] {IntegerWidening.narrow(ctx, w, x.dtype())};
    }
    if (x.dtype() == DType.INT64 || x.dtype() == DType.INT32) {
      long mn = lo == null ? Long.MIN_VALUE : lo.getLong(0);
      long mx = hi == null ? Long.MAX_VALUE : hi.getLong(0);
      Tensor out = ctx.allocate(x.dtype(), x.shape());
      for (int i = 0; i < x.size(); i++) {
        long v = Math.min(Math.max(x.getLong(i), mn), mx);
        if (x.dtype() == DType.INT64) {
          out.longs()[i] = v;
        } else {
          out.ints()[i] = (int) v;
        }
      }
      return new Tensor[] {out};
    }
    if (x.dtype() == DType.DOUBLE) {
      double mn = lo == null ? attrMin : lo.getDouble(0);
      double mx = hi == null ? attrMax : hi.getDouble(0);
      double[] s = x.doubles();
      Tensor out = ctx.allocate(DType.DOUBLE, x.shape());
      double[] d = out.doubles();
      for (int i = 0; i < s.length; i++) {
        double c = s[i] < mn ? mn : s[i];
        d[i] = c > mx ? mx : c;
      }
      return new Tensor[] {out};
    }
    float mn = lo == null ? attrMin : (float) lo.getDouble(0);
    float mx = hi == null ? attrMax : (float) hi.getDouble(0);
    Tensor in = HalfFloats.widen(x);
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] s = in.floats();
    float[] d = out.floats();
    // min > max yields max, as the spec asks
    ctx.parallelFor(s.length, GRAIN, (from, to) -> VecMath.clip(s, from, d, from, to - from, mn, mx));
    return new Tensor[] {HalfFloats.narrow(ctx, out, x.dtype())};
  }

  /** uint64 values live in signed longs, so the bounds compare unsigned. */
  private static Tensor clipUnsigned64(Tensor x, Tensor lo, Tensor hi, ExecContext ctx) {
    long mn = lo == null ? 0L : lo.longs()[0];
    long mx = hi == null ? -1L : hi.longs()[0];
    long[] s = x.longs();
    Tensor out = ctx.allocate(DType.UINT64, x.shape());
    long[] d = out.longs();
    for (int i = 0; i < s.length; i++) {
      long c = Long.compareUnsigned(s[i], mn) < 0 ? mn : s[i];
      d[i] = Long.compareUnsigned(c, mx) > 0 ? mx : c;
    }
    return out;
  }
}
