package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.CompareOp;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Equal, Less, Greater, LessOrEqual, GreaterOrEqual (f32, f64, i32, i64, f16/bf16 via f32, the
 * narrower and unsigned integers via int64; Equal
 * also bool and string) and And, Or, Xor (bool), broadcasting multidirectionally to a bool
 * output.
 */
public final class CompareKernel implements Kernel {
  private final String op;
  private final CompareOp fn;

  public CompareKernel(String op, CompareOp fn) {
    this.op = op;
    this.fn = fn;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(op + ": element types differ: A " + a.describe() + ", B " + b.describe());
    }
    if (IntegerWidening.isNarrow(a.dtype())) {
      a = IntegerWidening.widenOrdered(a);
      b = IntegerWidening.widenOrdered(b);
    } else if (a.dtype() == DType.FLOAT16 || a.dtype() == DType.BFLOAT16) {
      a = HalfFloats.widen(a);
      b = HalfFloats.widen(b);
    }
    Broadcast bc = Broadcast.of(a.shape().dims(), b.shape().dims());
    Tensor out = ctx.allocate(DType.BOOL, Shape.of(bc.outDims()));
    if (out.size() == 0) {
      return new Tensor[] {out};
    }
    boolean[] o = out.booleans();
    Object x = a.data();
    Object y = b.data();
    int inner = bc.inner();
    for (int r = 0; r < bc.rows(); r++) {
      int ao = bc.offset(0, r);
      int bo = bc.offset(1, r);
      int as = bc.step(0);
      int bs = bc.step(1);
      switch (x) {
        case float[] p -> fn.apply(p, ao, as, (float[]) y, bo, bs, o, r * inner, inner);
        case double[] p -> fn.apply(p, ao, as, (double[]) y, bo, bs, o, r * inner, inner);
        case int[] p -> fn.apply(p, ao, as, (int[]) y, bo, bs, o, r * inner, inner);
        case long[] p -> fn.apply(p, ao, as, (long[]) y, bo, bs, o, r * inner, inner);
        case boolean[] p -> fn.apply(p, ao, as, (boolean[]) y, bo, bs, o, r * inner, inner);
        case String[] p -> fn.apply(p, ao, as, (String[]) y, bo, bs, o, r * inner, inner);
        default -> throw new IllegalArgumentException(op + " does not support " + a.describe());
      }
    }
    return new Tensor[] {out};
  }
}
