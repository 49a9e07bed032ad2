package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.List;

/**
 * Removes nodes none of whose outputs is read or is a graph output, walking backwards so that a
 * whole dead chain goes in one application. ONNX ops have no effects beyond their outputs, so
 * every such node may go.
 */
public final class DeadCodeElimination implements GraphPass {
  @Override
  public String name() {
    return "dead-code-elimination";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int removed = 0;
    List<Node> nodes = ed.snapshot();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      if (allUnused(ed, n)) {
        ed.remove(n);
        removed++;
      }
    }
    return removed;
  }

  private static boolean allUnused(GraphEditor ed, Node n) {
    for (Value o : n.outputs()) {
      if (o != null && !ed.isUnused(o)) {
        return false;
      }
    }
    return true;
  }
}
