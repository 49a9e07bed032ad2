package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * Trilu: keeps the upper (default) or lower triangle of the last two axes, shifted by the
 * diagonal offset k (optional input 1, default 0), and zeroes the rest. Any element type.
 */
public final class TriluKernel implements Kernel {
  private final boolean upper;

  public TriluKernel(Node n) {
    upper = n.attrInt("upper", 1) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    if (x.rank() < 2) {
      throw new IllegalArgumentException("Trilu needs rank >= 2, got " + x.describe());
    }
    long k = 0;
    if (in.length > 1 && in[1] != null) {
      long[] kv = Elements.longs(in[1], "Trilu k");
      if (kv.length != 1) {
        throw new IllegalArgumentException("Trilu: k must be a scalar, got " + in[1].describe());
      }
      k = kv[0];
    }
    int rows = x.shape().dim(x.rank() - 2);
    int cols = x.shape().dim(x.rank() - 1);
    int[] map = new int[x.size()];
    for (int j = 0; j < map.length; j++) {
      long row = j / cols % rows;
      long col = j % cols;
      boolean keep = upper ? col - row >= k : col - row <= k;
      map[j] = keep ? j : -1;
    }
    return new Tensor[] {Elements.gathered(ctx, x, x.shape(), map)};
  }
}
