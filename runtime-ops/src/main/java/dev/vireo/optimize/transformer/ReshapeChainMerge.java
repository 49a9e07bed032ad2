package dev.vireo.optimize.transformer;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * Merges {@code Reshape(Reshape(x, s1), s2)} into {@code Reshape(x, s2)} when s2 is a constant
 * without 0 entries (a 0 would copy a dim of the intermediate shape, which x may not have); -1
 * is fine since both reshapes keep the element count. The inner Reshape stays while other nodes
 * read it.
 */
public final class ReshapeChainMerge implements GraphPass {
  @Override
  public String name() {
    return "reshape-chain-merge";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    int rewrites = 0;
    for (Node s : ed.snapshot()) {
      Node outer = ed.current(s);
      if (outer == null || !outer.domain().isEmpty() || !outer.opType().equals("Reshape")) {
        continue;
      }
      Node inner = Match.producer(ed, outer.input(0), "Reshape");
      Tensor s2 = ed.constant(outer.input(1));
      if (inner == null || s2 == null) {
        continue;
      }
      boolean zero = false;
      for (long d : s2.toLongArray()) {
        zero |= d == 0;
      }
      if (zero) {
        continue;
      }
      ed.swap(outer, GraphEditor.withInputs(outer, List.of(inner.input(0), outer.input(1))));
      rewrites++;
    }
    return rewrites;
  }
}
