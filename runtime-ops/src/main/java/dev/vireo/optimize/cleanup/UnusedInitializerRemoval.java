package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Graph;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;

/**
 * Removes initializers no node (nor subgraph) reads and that are neither graph inputs nor graph
 * outputs: weights left behind by folds and fusions, or never used by the exporter.
 */
public final class UnusedInitializerRemoval implements GraphPass {
  @Override
  public String name() {
    return "unused-initializer-removal";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    return new GraphEditor(graph).removeUnusedInitializers();
  }
}
