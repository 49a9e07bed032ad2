package dev.vireo.kernel.shape;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.StridedCopy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Transpose: permutes dims by {@code perm} (default: reversed), any element type. The output is
 * written row by row, each row gathered with the input stride of the last output dim; f32
 * permutations that move the input's innermost dim away from the end (2-D transposes, (0,2,3,1),
 * ...) are copied in square tiles instead.
 */
public final class TransposeKernel implements Kernel {
  /** Side of the square blocks of the tiled float copy. */
  private static final int TILE = 16;

  private final long[] perm;

  public TransposeKernel(Node n) {
    perm = n.attrInts("perm", null);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    int r = x.rank();
    int[] p = new int[r];
    if (perm == null) {
      for (int i = 0; i < r; i++) {
        p[i] = r - 1 - i;
      }
    } else {
      boolean[] seen = new boolean[r];
      boolean ok = perm.length == r;
      for (int i = 0; ok && i < r; i++) {
        long v = perm[i] < 0 ? perm[i] + r : perm[i];
        ok = v >= 0 && v < r && !seen[(int) v];
        if (ok) {
          p[i] = (int) v;
          seen[p[i]] = true;
        }
      }
      if (!ok) {
        throw new IllegalArgumentException("Transpose: perm " + Arrays.toString(perm)
            + " is not a permutation of the " + r + " dims of " + x.describe());
      }
    }
    int[] d = x.shape().dims();
    int[] st = x.shape().strides();
    int[] od = new int[r];
    int[] ost = new int[r];
    for (int i = 0; i < r; i++) {
      od[i] = d[p[i]];
      ost[i] = st[p[i]];
    }
    if (r == 0) {
      return new Tensor[] {x};
    }
    Tensor out = ctx.allocate(x.dtype(), Shape.of(od));
    if (out.size() == 0) {
      return new Tensor[] {out};
    }
    int inner = od[r - 1];
    int step = ost[r - 1];
    int rows = out.size() / inner;
    Object src = x.data();
    Object dst = out.data();
    int unit = 0;
    while (unit < r - 1 && !(ost[unit] == 1 && od[unit] > 1)) {
      unit++;
    }
    if (step != 1 && unit < r - 1 && src instanceof float[] s && dst instanceof float[] o) {
      tiled(s, o, od, ost, unit, ctx);
      return new Tensor[] {out};
    }
    ctx.parallelFor(rows, Math.max(1, 16384 / inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        int off = 0;
        int q = row;
        for (int k = r - 2; k >= 0; k--) {
          int nq = q / od[k];
          off += (q - nq * od[k]) * ost[k];
          q = nq;
        }
        StridedCopy.copy(src, off, step, dst, row * inner, inner);
      }
    });
    return new Tensor[] {out};
  }

  /**
   * A batch of 2-D transposes: output dim k walks the input contiguously and the last output dim
   * walks it with a stride, so both are copied in TILE×TILE blocks (the block's input rows stay
   * in L1 while the output rows are written contiguously); the other dims enumerate the batch.
   */
  private static void tiled(float[] src, float[] dst, int[] od, int[] ost, int k, ExecContext ctx) {
    int r = od.length;
    int[] outStrides = Shape.of(od).strides();
    int rowsK = od[k];
    int outK = outStrides[k];
    int cols = od[r - 1];
    int step = ost[r - 1];
    int batch = Shape.of(od).size() / (rowsK * cols);
    ctx.parallelFor(batch, Math.max(1, 16384 / (rowsK * cols)), (from, to) -> {
      for (int b = from; b < to; b++) {
        int in0 = 0;
        int out0 = 0;
        int q = b;
        for (int d = r - 2; d >= 0; d--) {
          if (d == k) {
            continue;
          }
          int nq = q / od[d];
          int idx = q - nq * od[d];
          in0 += idx * ost[d];
          out0 += idx * outStrides[d];
          q = nq;
        }
        for (int i0 = 0; i0 < rowsK; i0 += TILE) {
          int i1 = Math.min(rowsK, i0 + TILE);
          for (int j0 = 0; j0 < cols; j0 += TILE) {
            int j1 = Math.min(cols, j0 + TILE);
            for (int i = i0; i < i1; i++) {
              int o = out0 + i * outK;
              int s = in0 + i;
              for (int j = j0; j < j1; j++) {
                dst[o + j] = src[s + j * step];
              }
            }
          }
        }
      }
    });
  }
}
