package dev.vireo.kernel.text;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** StringConcat: element-wise X + Y of two string tensors with numpy broadcasting. */
public final class StringConcatKernel implements Kernel {
  StringConcatKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    int[] sa = broadcastStrides(a.shape(), rank);
    int[] sb = broadcastStrides(b.shape(), rank);
    for (int i = 0; i < rank; i++) {
      int da = dimAt(a.shape(), rank, i);
      int db = dimAt(b.shape(), rank, i);
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException("StringConcat: shapes do not broadcast: " + a.describe() + " and " + b.describe());
      }
      out[i] = da == 1 ? db : da;
    }
    Shape os = Shape.of(out);
    Tensor r = ctx.allocate(DType.STRING, os);
    String[] x = a.strings();
    String[] y = b.strings();
    String[] z = r.strings();
    int[] idx = new int[rank];
    for (int k = 0; k < z.length; k++) {
      int ia = 0;
      int ib = 0;
      for (int d = 0; d < rank; d++) {
        ia += idx[d] * sa[d];
        ib += idx[d] * sb[d];
      }
      z[k] = x[ia] + y[ib];
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < out[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return new Tensor[] {r};
  }

  private static int dimAt(Shape s, int rank, int i) {
    int j = i - (rank - s.rank());
    return j < 0 ? 1 : s.dim(j);
  }

  /** Strides aligned right to {@code rank}, 0 along broadcast axes. */
  private static int[] broadcastStrides(Shape s, int rank) {
    int[] st = new int[rank];
    int[] own = s.strides();
    for (int j = 0; j < s.rank(); j++) {
      st[rank - s.rank() + j] = s.dim(j) == 1 ? 0 : own[j];
    }
    return st;
  }
}
