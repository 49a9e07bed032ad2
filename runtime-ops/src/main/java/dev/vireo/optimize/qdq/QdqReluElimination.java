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
 * {@code DequantizeLinear → Relu → QuantizeLinear} loses its Relu when the QuantizeLinear's zero
 * point is the lowest value of its type: that QuantizeLinear already maps every negative input to
 * the zero point, so {@code Q(Relu(x)) == Q(x)} bit for bit (see {@link QdqRewrite.Tail}). The
 * QuantizeLinear then reads the DequantizeLinear directly. The result is standard ONNX, so the
 * pass also runs when the model must stay portable.
 *
 * <p>Matches a standard Relu whose input is produced by a DequantizeLinear and whose output is
 * read only by such a QuantizeLinear (and is no graph output).
 */
public final class QdqReluElimination implements GraphPass {
  @Override
  public String name() {
    return "qdq-relu-elimination";
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
    for (Node relu : graph.nodes()) {
      if (!relu.domain().isEmpty() || !relu.opType().equals("Relu") || relu.inputs().size() != 1
          || relu.input(0) == null || relu.input(0).producer() == null) {
        continue;
      }
      Node dq = relu.input(0).producer();
      if (!dq.domain().isEmpty() || !dq.opType().equals("DequantizeLinear")) {
        continue;
      }
      Node q = rw.onlyQuantizeReader(relu.output(0));
      if (q == null || !QdqRewrite.saturatesAtZero(q) || replaced.containsKey(q)) {
        continue;
      }
      List<Value> in = new ArrayList<>(q.inputs());
      in.set(0, relu.input(0));
      replaced.put(q, new Node(q.name(), q.domain(), q.opType(), q.opset(), in, q.outputs(), q.attributes()));
      removed.add(relu);
    }
    if (!replaced.isEmpty()) {
      rw.install(replaced, removed);
    }
    return replaced.size();
  }
}
