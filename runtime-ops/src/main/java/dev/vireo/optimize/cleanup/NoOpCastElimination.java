package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;

/** Removes {@code Cast} nodes whose target type is the element type their input already has. */
public final class NoOpCastElimination implements GraphPass {
  @Override
  public String name() {
    return "noop-cast-elimination";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int n = 0;
    for (Node s : ed.snapshot()) {
      Node node = ed.current(s);
      if (node == null) {
        continue;
      }
      if (!node.domain().isEmpty() || !node.opType().equals("Cast") || !node.hasAttr("to")
          || node.input(0) == null) {
        continue;
      }
      ValueType.TensorType in = node.input(0).tensorType();
      if (in == null || in.elemType() == null) {
        continue;
      }
      DType to;
      try {
        to = DType.fromOnnx((int) node.attrInt("to", 0));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (to == in.elemType() && ed.bypass(node, node.input(0), node.output(0))) {
        n++;
      }
    }
    return n;
  }
}
