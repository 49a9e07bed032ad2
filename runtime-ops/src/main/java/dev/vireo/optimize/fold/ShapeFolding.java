package dev.vireo.optimize.fold;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Folds shape arithmetic whose answer the inferred shapes already know, even when the data it
 * reads is not constant: {@code Shape(x)} and {@code Size(x)} when every dim of x is known, and
 * {@code Gather} or {@code Slice} of a {@code Shape} when the selected dims are known, though
 * others (a symbolic batch or sequence length) are not. What follows (Unsqueeze, Concat, the
 * shape input of a Reshape) then folds in {@link ConstantFolding}.
 */
public final class ShapeFolding implements GraphPass {
  @Override
  public String name() {
    return "shape-folding";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int folded = 0;
    for (Node s : ed.snapshot()) {
      Node n = ed.current(s);
      if (n == null || !n.domain().isEmpty() || n.output(0) == null || ed.isUnused(n.output(0))) {
        continue;
      }
      Tensor value = switch (n.opType()) {
        case "Shape" -> shapeOf(n);
        case "Size" -> size(n);
        case "Gather" -> gatherOfShape(ed, n);
        case "Slice" -> sliceOfShape(ed, n);
        default -> null;
      };
      if (value != null) {
        ConstantFolding.replaceByConstants(ed, n, new Tensor[] {value}, ctx);
        folded++;
      }
    }
    return folded;
  }

  /**
   * The dims a Shape node reports (after start/end), as Dims; null when the rank is unknown.
   */
  static List<Dim> shapeDims(Node shapeNode) {
    ValueType.TensorType t = shapeNode.input(0) == null ? null : shapeNode.input(0).tensorType();
    if (t == null || !t.hasRank()) {
      return null;
    }
    int r = t.rank();
    int start = clamp(shapeNode.attrInt("start", 0), r);
    int end = shapeNode.hasAttr("end") ? clamp(shapeNode.attrInt("end", r), r) : r;
    return t.dims().subList(start, Math.max(start, end));
  }

  private static int clamp(long i, int r) {
    long v = i < 0 ? i + r : i;
    return (int) Math.max(0, Math.min(r, v));
  }

  /** The Shape node's value when all the dims it reports are known. */
  private static Tensor shapeOf(Node n) {
    List<Dim> dims = shapeDims(n);
    if (dims == null) {
      return null;
    }
    long[] v = new long[dims.size()];
    for (int i = 0; i < v.length; i++) {
      if (!dims.get(i).isKnown()) {
        return null;
      }
      v[i] = dims.get(i).value();
    }
    return Tensor.of(v, v.length);
  }

  private static Tensor size(Node n) {
    ValueType.TensorType t = n.input(0) == null ? null : n.input(0).tensorType();
    if (t == null || !t.isStatic()) {
      return null;
    }
    return Tensor.wrap(dev.vireo.tensor.DType.INT64, Shape.SCALAR, new long[] {t.shape().size()});
  }

  private static Tensor gatherOfShape(GraphEditor ed, Node n) {
    Node shape = ed.producer(n.input(0));
    Tensor idx = ed.constant(n.input(1));
    if (!isShape(shape) || idx == null || n.attrInt("axis", 0) != 0 || idx.dtype().isFloatingPoint()) {
      return null;
    }
    List<Dim> dims = shapeDims(shape);
    if (dims == null) {
      return null;
    }
    long[] out = new long[idx.size()];
    for (int i = 0; i < out.length; i++) {
      long k = idx.getLong(i);
      if (k < -dims.size() || k >= dims.size()) {
        return null; // out of range: the kernel reports it at run time
      }
      Dim d = dims.get((int) (k < 0 ? k + dims.size() : k));
      if (!d.isKnown()) {
        return null;
      }
      out[i] = d.value();
    }
    return Tensor.wrap(dev.vireo.tensor.DType.INT64, idx.shape(), out);
  }

  private static Tensor sliceOfShape(GraphEditor ed, Node n) {
    Node shape = ed.producer(n.input(0));
    if (!isShape(shape) || n.opset() < 10) {
      return null;
    }
    Tensor starts = ed.constant(n.input(1));
    Tensor ends = ed.constant(n.input(2));
    Tensor axes = n.input(3) == null ? null : ed.constant(n.input(3));
    Tensor steps = n.input(4) == null ? null : ed.constant(n.input(4));
    if (starts == null || ends == null || starts.size() != 1 || ends.size() != 1
        || (n.input(3) != null && (axes == null || axes.size() != 1 || (axes.getLong(0) != 0 && axes.getLong(0) != -1)))
        || (n.input(4) != null && (steps == null || steps.size() != 1))) {
      return null;
    }
    List<Dim> dims = shapeDims(shape);
    if (dims == null) {
      return null;
    }
    long len = dims.size();
    long step = steps == null ? 1 : steps.getLong(0);
    if (step == 0) {
      return null;
    }
    long start = starts.getLong(0);
    long end = ends.getLong(0);
    start = start < 0 ? start + len : start;
    end = end < 0 ? end + len : end;
    if (step > 0) {
      start = Math.max(0, Math.min(len, start));
      end = Math.max(0, Math.min(len, end));
    } else {
      start = Math.max(-1, Math.min(len - 1, start));
      end = Math.max(-1, Math.min(len - 1, end));
    }
    long[] out = new long[(int) Math.max(0, step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step)];
    for (int i = 0; i < out.length; i++) {
      Dim d = dims.get((int) (start + i * step));
      if (!d.isKnown()) {
        return null;
      }
      out[i] = d.value();
    }
    return Tensor.of(out, out.length);
  }

  private static boolean isShape(Node p) {
    return p != null && p.domain().isEmpty() && p.opType().equals("Shape");
  }
}
