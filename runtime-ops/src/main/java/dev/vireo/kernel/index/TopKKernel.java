package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * TopK: the k largest (or, from opset 11 with {@code largest=0}, smallest) elements along
 * {@code axis} and their int64 indices. k is an attribute before opset 10 and input 1 from 10.
 * Results are always sorted; equal values keep the lower index first.
 */
public final class TopKKernel implements Kernel {
  private final long axis;
  private final long attrK;
  private final boolean kInput;
  private final boolean largest;

  public TopKKernel(Node n) {
    axis = n.attrInt("axis", -1);
    // opset 10: k moved from an attribute to input 1; 11: largest and sorted
    kInput = n.opset() >= 10;
    attrK = n.attrInt("k", -1);
    if (!kInput && attrK < 0) {
      throw new IllegalArgumentException("TopK needs the k attribute before opset 10");
    }
    largest = n.opset() < 11 || n.attrInt("largest", 1) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int ax = Shape.normalizeAxis(axis, x.rank());
    long k = attrK;
    if (kInput) {
      long[] kv = Elements.longs(in[1], "TopK k");
      if (kv.length != 1) {
        throw new IllegalArgumentException("TopK: k must hold one value, got " + in[1].describe());
      }
      k = kv[0];
    }
    int len = x.shape().dim(ax);
    if (k < 0 || k > len) {
      throw new IllegalArgumentException("TopK: k " + k + " is out of range [0, " + len + "] for axis " + ax
          + " of " + x.describe());
    }
    int kk = (int) k;
    int[] od = x.shape().dims();
    od[ax] = kk;
    Shape shape = Shape.of(od);
    int outer = x.shape().sizeBetween(0, ax);
    int inner = x.shape().sizeBetween(ax + 1, x.rank());
    ElementOrder order = new ElementOrder(x, "TopK");
    ElementOrder.IntComparator cmp = largest ? (a, b) -> order.compare(b, a) : order::compare;
    int[] map = new int[shape.size()];
    Tensor indices = ctx.allocate(DType.INT64, shape);
    long[] ix = indices.longs();
    int[] slice = new int[len];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        for (int e = 0; e < len; e++) {
          slice[e] = base + e * inner;
        }
        ElementOrder.sort(slice, 0, len, cmp);
        for (int e = 0; e < kk; e++) {
          int j = (o * kk + e) * inner + i;
          map[j] = slice[e];
          ix[j] = (slice[e] - base) / inner;
        }
      }
    }
    return new Tensor[] {Elements.gathered(ctx, x, shape, map), indices};
  }
}
