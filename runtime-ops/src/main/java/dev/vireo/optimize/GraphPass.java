package dev.vireo.optimize;

import dev.vireo.ir.Graph;

/**
 * One graph rewrite (a clean-up, a fold or a fusion). A pass rewrites the graph in place, keeps
 * its answers within the conformance tolerance, keeps the graph's input and output values (names
 * and order), and leaves the node list topologically sorted.
 */
public interface GraphPass {
  /** A short name for reports, e.g. "constant-folding". */
  String name();

  /** The lowest level at which the pass runs. */
  OptimizationLevel level();

  /**
   * Rewrites {@code graph} (a main graph or a subgraph).
   *
   * @return how many rewrites were made; 0 means the graph is unchanged
   */
  int apply(Graph graph, PassContext ctx);
}
