package dev.vireo.op.control;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.OpDefRegistry;
import dev.vireo.op.ShapeInference;
import java.util.ArrayList;
import java.util.List;

/** Typing of subgraphs for the control-flow op definitions. */
final class SubgraphTypes {
  private SubgraphTypes() {}

  /** The graph attribute, or an error naming it. */
  static Graph graph(Node node, String attribute) {
    Graph g = node.attrGraph(attribute);
    if (g == null) {
      throw new IllegalArgumentException("missing graph attribute '" + attribute + "'");
    }
    return g;
  }

  /**
   * Gives untyped subgraph inputs the types the node feeds them (entries may be null) and infers
   * the subgraph's node types.
   */
  static void infer(Graph g, List<ValueType> inputTypes, OpDefRegistry defs) {
    for (int i = 0; i < g.inputs().size() && i < inputTypes.size(); i++) {
      Value v = g.inputs().get(i);
      if (v.type() == null && inputTypes.get(i) != null) {
        v.setType(inputTypes.get(i));
      }
    }
    ShapeInference.run(g, defs);
  }

  /** The output types of a subgraph (null where unknown). */
  static List<ValueType> outputs(Graph g) {
    List<ValueType> l = new ArrayList<>();
    for (Value v : g.outputs()) {
      l.add(v.type());
    }
    return l;
  }

  /** The element type alone, shape unknown; other types as they are. */
  static ValueType withoutShape(ValueType t) {
    return t instanceof TensorType tt ? new TensorType(tt.elemType(), null) : t;
  }

  /** What two types have in common: equal types, or for tensors the shared element type and dims. */
  static ValueType common(ValueType a, ValueType b) {
    if (a == null || b == null) {
      return null;
    }
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof TensorType x && b instanceof TensorType y) {
      var elem = x.elemType() == y.elemType() ? x.elemType() : null;
      if (x.hasRank() && y.hasRank() && x.rank() == y.rank()) {
        List<Dim> dims = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
          dims.add(x.dims().get(i).equals(y.dims().get(i)) ? x.dims().get(i) : Dim.unknown());
        }
        return new TensorType(elem, dims);
      }
      return new TensorType(elem, null);
    }
    return null;
  }

  /** A tensor type with a dim inserted before {@code axis} (negative counting from the new rank's end). */
  static ValueType insertDim(ValueType t, long axis, Dim dim) {
    if (!(t instanceof TensorType tt)) {
      return null;
    }
    if (!tt.hasRank()) {
      return tt;
    }
    int rank = tt.rank() + 1;
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    List<Dim> dims = new ArrayList<>(tt.dims());
    dims.add((int) a, dim);
    return new TensorType(tt.elemType(), dims);
  }

  /** A tensor type without {@code axis}. */
  static ValueType removeDim(ValueType t, int axis) {
    if (!(t instanceof TensorType tt) || !tt.hasRank()) {
      return t instanceof TensorType tt2 ? tt2 : null;
    }
    List<Dim> dims = new ArrayList<>(tt.dims());
    dims.remove(axis);
    return new TensorType(tt.elemType(), dims);
  }
}
