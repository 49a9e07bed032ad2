package dev.vireo.kernel.math;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.VecMath;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Softmax. Before opset 13 the input is coerced to 2-D at {@code axis} (default 1)
 * and normalized over the whole second dim; from opset 13 it is normalized along {@code axis}
 * alone (default -1). Uses the max-subtracted form. f32 and f64 (f16/bf16 via f32); f32 rows
 * along a contiguous axis go through {@link VecMath#softmaxRow}, f32 softmax along an inner axis
 * is vectorized across the dims after it, f64 accumulates in double.
 */
public final class SoftmaxKernel implements Kernel {
  private static final int GRAIN = 1 << 12;

  private final long axis;
  private final boolean coerce2d;
  public SoftmaxKernel(Node n) {
    // opset 13: normalizes along one axis instead of coercing to 2-D
    coerce2d = n.opset() < 13;
    axis = n.attrInt("axis", coerce2d ? 1 : -1);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor x = x0.dtype() == DType.DOUBLE ? x0 : HalfFloats.widen(x0);
    Shape s = x.shape();
    int r = s.rank();
    int ax;
    if (coerce2d) {
      // the 2-D coercion allows axis == rank (a trailing dim of 1)
      long a = axis < 0 ? axis + r : axis;
      if (a < 0 || a > r) {
        throw new IllegalArgumentException("axis " + axis + " is out of range for " + x0.describe());
      }
      ax = (int) a;
    } else {
      ax = Shape.normalizeAxis(axis, Math.max(r, 1));
    }
    int outer = coerce2d ? s.sizeBetween(0, ax) : r == 0 ? 1 : s.sizeBetween(0, ax);
    int len = coerce2d ? s.sizeBetween(ax, r) : r == 0 ? 1 : s.dim(ax);
    int inner = coerce2d || r == 0 ? 1 : s.sizeBetween(ax + 1, r);
    if (x0.dtype() == DType.DOUBLE) {
      Tensor out = ctx.allocate(DType.DOUBLE, s);
      double[] in = x.doubles();
      double[] o = out.doubles();
      ctx.parallelFor(outer * inner, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
        for (int q = from; q < to; q++) {
          normalize(in, o, (q / inner) * len * inner + q % inner, len, inner);
        }
      });
      return new Tensor[] {out};
    }
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, s);
    float[] in = x.floats();
    float[] o = out.floats();
    if (out.size() > 0 && inner == 1) {
      ctx.parallelFor(outer, Math.max(1, GRAIN / Math.max(1, len)), (from, to) -> {
        for (int q = from; q < to; q++) {
          VecMath.softmaxRow(in, q * len, o, q * len, len);
        }
      });
    } else if (out.size() > 0) {
      ctx.parallelFor(outer, Math.max(1, GRAIN / (len * inner)), (from, to) -> {
        float[] m = new float[inner];
        float[] sum = new float[inner];
        for (int q = from; q < to; q++) {
          normalizeBlock(in, o, q * len * inner, len, inner, m, sum);
        }
      });
    }
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }

  /**
   * Softmax along the middle dim of a [len, inner] block, vectorized along inner: the running
   * max and sum of each column are kept in {@code m} and {@code sum} (inner floats each).
   */
  private static void normalizeBlock(float[] in, float[] o, int base, int len, int inner, float[] m,
      float[] sum) {
    System.arraycopy(in, base, m, 0, inner);
    for (int i = 1; i < len; i++) {
      VecMath.binary(BinaryOp.MAX, m, 0, in, base + i * inner, m, 0, inner);
    }
    java.util.Arrays.fill(sum, 0f);
    for (int i = 0; i < len; i++) {
      int row = base + i * inner;
      VecMath.binary(BinaryOp.SUB, in, row, m, 0, o, row, inner);
      VecMath.exp(o, row, o, row, inner);
      VecMath.binary(BinaryOp.ADD, sum, 0, o, row, sum, 0, inner);
    }
    for (int i = 0; i < len; i++) {
      int row = base + i * inner;
      VecMath.binary(BinaryOp.DIV, o, row, sum, 0, o, row, inner);
    }
  }

  private static void normalize(double[] in, double[] o, int base, int len, int stride) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < len; i++) {
      max = Math.max(max, in[base + i * stride]);
    }
    double sum = 0;
    for (int i = 0; i < len; i++) {
      sum += Math.exp(in[base + i * stride] - max);
    }
    double inv = 1.0 / sum;
    for (int i = 0; i < len; i++) {
      int p = base + i * stride;
      o[p] = Math.exp(in[p] - max) * inv;
    }
  }
}
