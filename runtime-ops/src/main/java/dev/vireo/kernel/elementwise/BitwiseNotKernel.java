package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.IntegerWidening;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * BitwiseNot of any integer type: every bit flipped. The narrower and unsigned types go through
 * int64, whose low bits are the same after narrowing.
 */
public final class BitwiseNotKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor out;
    switch (x.dtype()) {
      case INT32 -> {
        out = ctx.allocate(DType.INT32, x.shape());
        int[] s = x.ints();
        int[] d = out.ints();
        for (int i = 0; i < s.length; i++) d[i] = ~s[i];
      }
      case INT64 -> {
        out = ctx.allocate(DType.INT64, x.shape());
        long[] s = x.longs();
        long[] d = out.longs();
        for (int i = 0; i < s.length; i++) d[i] = ~s[i];
      }
      default -> {
        if (!IntegerWidening.isNarrow(x.dtype())) {
          throw new IllegalArgumentException("BitwiseNot does not support " + x.describe());
        }
        long[] v = IntegerWidening.widen(x).longs().clone();
        for (int i = 0; i < v.length; i++) v[i] = ~v[i];
        out = IntegerWidening.narrow(ctx, Tensor.wrap(DType.INT64, x.shape(), v), x.dtype());
      }
    }
    return new Tensor[] {out};
  }
}
