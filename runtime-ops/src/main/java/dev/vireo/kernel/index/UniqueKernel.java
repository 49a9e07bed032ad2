package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * Unique: the distinct elements (or, with {@code axis}, the distinct slices along it) in
 * ascending order ({@code sorted=1}, the default) or in order of first occurrence, with the int64
 * outputs indices (first occurrence of each), inverse_indices (the unique entry of every input
 * element or slice) and counts. Slices compare lexicographically in row-major order.
 */
public final class UniqueKernel implements Kernel {
  private final boolean sorted;
  private final Long axis;

  public UniqueKernel(Node n) {
    sorted = n.attrInt("sorted", 1) != 0;
    axis = n.hasAttr("axis") ? n.attrInt("axis", 0) : null;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int[] dims = axis == null ? new int[] {x.size()} : x.shape().dims();
    int ax = axis == null ? 0 : Shape.normalizeAxis(axis, x.rank());
    Shape full = Shape.of(dims);
    int len = dims[ax];
    int outer = full.sizeBetween(0, ax);
    int inner = full.sizeBetween(ax + 1, dims.length);
    ElementOrder order = new ElementOrder(x, "Unique");
    ElementOrder.IntComparator slices = (a, b) -> {
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          int c = order.compare((o * len + a) * inner + i, (o * len + b) * inner + i);
          if (c != 0) {
            return c;
          }
        }
      }
      return 0;
    };
    int[] perm = new int[len];
    for (int i = 0; i < len; i++) {
      perm[i] = i;
    }
    ElementOrder.sort(perm, 0, len, slices);
    // group equal runs; the stable sort puts each group's first occurrence first
    int[] groupOf = new int[len];
    int[] first = new int[len];
    int[] count = new int[len];
    int groups = 0;
    for (int p = 0; p < len; p++) {
      if (p == 0 || slices.compare(perm[p - 1], perm[p]) != 0) {
        first[groups++] = perm[p];
      }
      groupOf[perm[p]] = groups - 1;
      count[groups - 1]++;
    }
    // rank[g] is group g's position in the output
    int[] rank = new int[groups];
    int[] byRank = new int[groups];
    if (sorted) {
      for (int g = 0; g < groups; g++) {
        rank[g] = g;
      }
    } else {
      int[] g2 = new int[groups];
      for (int g = 0; g < groups; g++) {
        g2[g] = g;
      }
      ElementOrder.sort(g2, 0, groups, (a, b) -> Integer.compare(first[a], first[b]));
      for (int r = 0; r < groups; r++) {
        rank[g2[r]] = r;
      }
    }
    for (int g = 0; g < groups; g++) {
      byRank[rank[g]] = g;
    }
    int[] od = dims.clone();
    od[ax] = groups;
    int[] map = new int[outer * groups * inner];
    int j = 0;
    for (int o = 0; o < outer; o++) {
      for (int r = 0; r < groups; r++) {
        int s = first[byRank[r]];
        for (int i = 0; i < inner; i++) {
          map[j++] = (o * len + s) * inner + i;
        }
      }
    }
    Tensor y = Elements.gathered(ctx, x, Shape.of(od), map);
    Tensor indices = ctx.allocate(DType.INT64, Shape.of(groups));
    Tensor counts = ctx.allocate(DType.INT64, Shape.of(groups));
    for (int r = 0; r < groups; r++) {
      indices.longs()[r] = first[byRank[r]];
      counts.longs()[r] = count[byRank[r]];
    }
    Tensor inverse = ctx.allocate(DType.INT64, Shape.of(len));
    for (int i = 0; i < len; i++) {
      inverse.longs()[i] = rank[groupOf[i]];
    }
    return new Tensor[] {y, indices, inverse, counts};
  }
}
