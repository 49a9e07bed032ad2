package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;

/**
 * Removes {@code Identity} nodes and inference-mode {@code Dropout} nodes (whose mask output is
 * unused, whose {@code training_mode} input is absent or a constant false, and whose ratio does not
 * matter then), pointing their readers at their input.
 */
public final class IdentityElimination implements GraphPass {
  @Override
  public String name() {
    return "identity-elimination";
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
      if (!node.domain().isEmpty() || node.input(0) == null || node.output(0) == null) {
        continue;
      }
      boolean passThrough = switch (node.opType()) {
        case "Identity" -> true;
        case "Dropout" -> isInference(ed, node);
        default -> false;
      };
      if (passThrough && ed.bypass(node, node.input(0), node.output(0))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isInference(GraphEditor ed, Node d) {
    if (d.output(1) != null && !ed.isUnused(d.output(1))) {
      return false;
    }
    if (d.opset() < 7 && d.attrInt("is_test", 0) == 0) {
      return false; // opsets 1-6: without is_test the node trains
    }
    if (d.input(2) == null) {
      return true;
    }
    var training = ed.constant(d.input(2));
    return training != null && training.size() == 1 && !training.booleans()[0];
  }
}
