package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.List;
import java.util.Set;

/**
 * Removes {@code Reshape}, {@code Expand}, {@code Squeeze}, {@code Unsqueeze} and {@code Flatten}
 * nodes whose output has the shape of their input: every dim equal and known. (A reshape between
 * equal symbolic dims is kept: the symbol names alone do not prove the sizes equal.)
 */
public final class NoOpReshapeElimination implements GraphPass {
  private static final Set<String> OPS = Set.of("Reshape", "Expand", "Squeeze", "Unsqueeze", "Flatten");

  @Override
  public String name() {
    return "noop-reshape-elimination";
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
      if (!node.domain().isEmpty() || !OPS.contains(node.opType()) || node.input(0) == null
          || node.output(0) == null) {
        continue;
      }
      if (sameStaticShape(node.input(0).tensorType(), node.output(0).tensorType())
          && ed.bypass(node, node.input(0), node.output(0))) {
        n++;
      }
    }
    return n;
  }

  private static boolean sameStaticShape(ValueType.TensorType a, ValueType.TensorType b) {
    if (a == null || b == null || !a.isStatic() || !b.isStatic()) {
      return false;
    }
    List<Dim> x = a.dims();
    List<Dim> y = b.dims();
    return x.equals(y) && (a.elemType() == null || b.elemType() == null || a.elemType() == b.elemType());
  }
}
