package dev.vireo.op;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import java.util.List;

/**
 * Propagates types and shapes through a sorted graph with each op's {@link OpDef}. A declared
 * type (value_info, graph outputs) is kept where it says more than the inferred one.
 */
public final class ShapeInference {
  private ShapeInference() {}

  /**
   * Infers every node's output types in topological order.
   *
   * @throws ModelLoadException (phase validate) naming the node whose inputs contradict its op
   */
  public static void run(Graph graph, OpDefRegistry defs) {
    for (Node n : graph.nodes()) {
      OpDef def = defs.find(n.domain(), n.opType());
      if (def == null) {
        continue;
      }
      List<ValueType> out;
      try {
        out = def.infer(new InferenceContext(n));
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        throw new ModelLoadException(Phase.VALIDATE, n.context(), e.getMessage(), e);
      }
      for (int i = 0; i < n.outputs().size() && i < out.size(); i++) {
        Value v = n.outputs().get(i);
        if (v != null && out.get(i) != null) {
          v.setType(merge(v.type(), out.get(i)));
        }
      }
    }
  }

  /** The more informative of a declared and an inferred type, dim by dim for tensors. */
  static ValueType merge(ValueType declared, ValueType inferred) {
    if (declared == null) {
      return inferred;
    }
    if (!(declared instanceof TensorType d) || !(inferred instanceof TensorType i)) {
      return declared;
    }
    var elem = i.elemType() != null ? i.elemType() : d.elemType();
    if (i.dims() == null) {
      return new TensorType(elem, d.dims());
    }
    if (d.dims() == null || d.dims().size() != i.dims().size()) {
      return new TensorType(elem, i.dims());
    }
    Dim[] dims = new Dim[i.dims().size()];
    for (int k = 0; k < dims.length; k++) {
      Dim di = i.dims().get(k);
      Dim dd = d.dims().get(k);
      dims[k] = di.isKnown() ? di : dd.isKnown() || dd.isSymbolic() ? dd : di;
    }
    return new TensorType(elem, List.of(dims));
  }
}
