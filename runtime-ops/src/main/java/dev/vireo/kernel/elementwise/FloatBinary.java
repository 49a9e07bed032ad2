package dev.vireo.kernel.elementwise;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.VecMath;

/**
 * The vectorized float paths of the binary element-wise kernel: both operands walked
 * contiguously (same shape, or a row broadcast such as {@code [..., N] op [N]}), one of them a
 * single value per row (a scalar, or a channel broadcast such as {@code [N,C,H,W] op [C,1,1]}),
 * and Pow with a scalar exponent of 1 or 2. Other layouts and ops are left to the caller.
 */
final class FloatBinary {
  /** Elements per parallel chunk. */
  private static final int GRAIN = 1 << 14;

  private FloatBinary() {}

  /**
   * Computes {@code out = a op b} over the broadcast {@code bc} and returns true, or returns
   * false without writing when this class has no fast path for the op and layout.
   */
  static boolean run(BinaryOp op, float[] a, float[] b, float[] out, Broadcast bc, ExecContext ctx) {
    int as = bc.step(0);
    int bs = bc.step(1);
    if (op == BinaryOp.POW) {
      return b.length == 1 && pow(a, b[0], out, ctx);
    }
    if (op != BinaryOp.ADD && op != BinaryOp.SUB && op != BinaryOp.MUL && op != BinaryOp.DIV
        && op != BinaryOp.MAX && op != BinaryOp.MIN) {
      return false;
    }
    if ((as != 0 && as != 1) || (bs != 0 && bs != 1)) {
      return false;
    }
    int inner = bc.inner();
    int rows = bc.rows();
    if (rows == 1) {
      ctx.parallelFor(inner, GRAIN, (from, to) -> segment(op, a, from * as, as, b, from * bs, bs, out, from,
          to - from));
    } else {
      ctx.parallelFor(rows, Math.max(1, GRAIN / inner), (from, to) -> {
        for (int r = from; r < to; r++) {
          segment(op, a, bc.offset(0, r), as, b, bc.offset(1, r), bs, out, r * inner, inner);
        }
      });
    }
    return true;
  }

  private static void segment(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out,
      int o, int n) {
    if (as == 1 && bs == 1) {
      VecMath.binary(op, a, ao, b, bo, out, o, n);
    } else if (as == 1) {
      VecMath.binaryScalar(op, a, ao, b[bo], out, o, n);
    } else if (bs == 1) {
      VecMath.scalarBinary(op, a[ao], b, bo, out, o, n);
    } else {
      float v = op == BinaryOp.ADD ? a[ao] + b[bo] : op == BinaryOp.SUB ? a[ao] - b[bo]
          : op == BinaryOp.MUL ? a[ao] * b[bo] : op == BinaryOp.DIV ? a[ao] / b[bo]
          : op == BinaryOp.MAX ? (a[ao] != a[ao] || b[bo] != b[bo] ? Float.NaN : Math.max(a[ao], b[bo]))
          : (a[ao] != a[ao] || b[bo] != b[bo] ? Float.NaN : Math.min(a[ao], b[bo]));
      java.util.Arrays.fill(out, o, o + n, v);
    }
  }

  /** x^1 and x^2 of a non-broadcast base, equal to what Math.pow gives (x·x rounds once too). */
  private static boolean pow(float[] a, float e, float[] out, ExecContext ctx) {
    if (e != 1f && e != 2f) {
      return false;
    }
    if (a.length != out.length) {
      return false;
    }
    ctx.parallelFor(a.length, GRAIN, (from, to) -> {
      if (e == 2f) {
        VecMath.binary(BinaryOp.MUL, a, from, a, from, out, from, to - from);
      } else {
        System.arraycopy(a, from, out, from, to - from);
      }
    });
    return true;
  }
}
