package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code DequantizeLinear → Relu | Clip → QuantizeLinear} loses its Relu or Clip when the
 * QuantizeLinear already saturates at the clamp's bounds (for a Relu: its zero point is the lowest
 * value of its type), so that {@code Q(clamp(x)) == Q(x)} bit for bit (see {@link
 * QdqRewrite#absorbs}). The QuantizeLinear then reads the DequantizeLinear directly. The result is
 * standard ONNX, so the pass also runs when the model must stay portable.
 *
 * <p>Matches a standard Relu or Clip whose input is produced by a DequantizeLinear and whose
 * output is read only by such a QuantizeLinear (and is no graph output).
 */
public final class QdqClampElimination implements GraphPass {
  @Override
  public String name() {
    return "qdq-clamp-elimination";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    QdqRewrite rw = new QdqRewrite(graph);
    Map<Node, Node> replaced = new IdentityHashMap<>();
    Set<Node> removed = new HashSet<>();
    for (Node clamp : graph.nodes()) {
      if (!clamp.domain().isEmpty() || !(clamp.opType().equals("Relu") || clamp.opType().equals("Clip"))
          || clamp.input(0) == null || clamp.input(0).producer() == null || clamp.output(0) == null) {
        continue;
      }
      Node dq = clamp.input(0).producer();
      if (!dq.domain().isEmpty() || !dq.opType().equals("DequantizeLinear")) {
        continue;
      }
      Node q = rw.onlyQuantizeReader(clamp.output(0));
      if (q == null || !QdqRewrite.absorbs(q, clamp) || replaced.containsKey(q)) {
        continue;
      }
      List<Value> in = new ArrayList<>(q.inputs());
      in.set(0, clamp.input(0));
      replaced.put(q, new Node(q.name(), q.domain(), q.opType(), q.opset(), in, q.outputs(), q.attributes()));
      removed.add(clamp);
    }
    if (!replaced.isEmpty()) {
      rw.install(replaced, removed);
    }
    return replaced.size();
  }
}
