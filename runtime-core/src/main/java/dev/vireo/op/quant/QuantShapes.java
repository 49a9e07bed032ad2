package dev.vireo.op.quant;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.nn.WindowAttributes;
import java.util.ArrayList;
import java.util.List;

/** Output shapes of the integer matmul and conv ops, which MatMul's and Conv's rules give. */
public final class QuantShapes {
  private QuantShapes() {}

  /** numpy matmul dims of A x B; null when a rank is unknown. */
  public static List<Dim> matmul(String op, TensorType a, TensorType b) {
    if (!a.hasRank() || !b.hasRank()) {
      return null;
    }
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException(op + " needs operands of rank >= 1: A " + a + " x B " + b);
    }
    List<Dim> ad = a.rank() == 1 ? List.of(Dim.of(1), a.dims().get(0)) : a.dims();
    List<Dim> bd = b.rank() == 1 ? List.of(b.dims().get(0), Dim.of(1)) : b.dims();
    Dim k1 = ad.get(ad.size() - 1);
    Dim k2 = bd.get(bd.size() - 2);
    if (k1.isKnown() && k2.isKnown() && k1.value() != k2.value()) {
      throw new IllegalArgumentException(op + ": inner dimensions differ: A " + a + " x B " + b);
    }
    List<Dim> out = new ArrayList<>(Dims.broadcast(op, List.of(
        new TensorType(null, ad.subList(0, ad.size() - 2)),
        new TensorType(null, bd.subList(0, bd.size() - 2)))));
    if (a.rank() > 1) {
      out.add(ad.get(ad.size() - 2));
    }
    if (b.rank() > 1) {
      out.add(bd.get(bd.size() - 1));
    }
    return out;
  }

  /** Conv output dims [N, M, out...] for X and W; null when X's rank is unknown. */
  static List<Dim> conv(String op, Node node, TensorType x, TensorType w) {
    if (!x.hasRank()) {
      return null;
    }
    if (x.rank() < 3 || (w.hasRank() && w.rank() != x.rank())) {
      throw new IllegalArgumentException(op + " needs X [N,C,spatial...] and W of the same rank, got X "
          + x + ", W " + w);
    }
    int r = x.rank() - 2;
    long[] kernel = node.attrInts("kernel_shape", null);
    if (kernel == null && w.hasRank()) {
      kernel = new long[r];
      for (int i = 0; i < r && kernel != null; i++) {
        Dim d = w.dims().get(i + 2);
        if (d.isKnown()) {
          kernel[i] = d.value();
        } else {
          kernel = null;
        }
      }
    }
    List<Dim> out = new ArrayList<>();
    out.add(x.dims().get(0));
    out.add(w.hasRank() ? w.dims().get(0) : Dim.unknown());
    WindowAttributes win = kernel == null ? null : WindowAttributes.read(node, kernel);
    for (int i = 0; i < r; i++) {
      Dim in = x.dims().get(i + 2);
      out.add(win == null || !in.isKnown() ? Dim.unknown() : Dim.of(win.outDim(i, in.value())));
    }
    return out;
  }

  public static TensorType tensor(dev.vireo.tensor.DType t, List<Dim> dims) {
    return dims == null ? TensorType.unknownShape(t) : new TensorType(t, dims);
  }
}
