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
 * written row by row, each row gathered with the input stride of the last output dim.
 */
public final class TransposeKernel implements Kernel {
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
}
