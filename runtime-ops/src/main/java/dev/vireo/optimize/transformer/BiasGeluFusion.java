package dev.vireo.optimize.transformer;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.List;

/**
 * Folds the bias Add in front of a com.microsoft Gelu or FastGelu: {@code Gelu(Add(x, b))}
 * becomes {@code BiasGelu(x, b)} and {@code FastGelu(Add(x, b))} becomes {@code FastGelu(x, b)},
 * when b is a 1-D float constant of x's last dim, x is not constant, and the Add is read only by
 * the activation.
 */
public final class BiasGeluFusion implements GraphPass {
  @Override
  public String name() {
    return "bias-gelu-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    if (ctx.portable()) {
      return 0;
    }
    GraphEditor ed = new GraphEditor(graph);
    int fused = 0;
    for (Node s : ed.snapshot()) {
      Node n = ed.current(s);
      if (n == null) {
        continue;
      }
      boolean gelu = n.opType().equals("Gelu") || (n.opType().equals("FastGelu") && n.input(1) == null);
      if (n.domain().equals(Match.MS_DOMAIN) && gelu && fuse(ed, ctx, n)) {
        fused++;
      }
    }
    return fused;
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node act) {
    Node add = Match.producer(ed, act.input(0), "Add");
    if (add == null || !ed.hasSingleUse(add.output(0)) || add.inputs().size() != 2) {
      return false;
    }
    long hidden = Match.lastDim(add.output(0));
    Value x;
    Value b;
    if (Match.vector(ed, add.input(1), hidden) != null) {
      x = add.input(0);
      b = add.input(1);
    } else if (Match.vector(ed, add.input(0), hidden) != null) {
      x = add.input(1);
      b = add.input(0);
    } else {
      return false;
    }
    if (hidden <= 0 || ed.constant(x) != null || Match.lastDim(x) != hidden) {
      return false;
    }
    String op = act.opType().equals("Gelu") ? "BiasGelu" : "FastGelu";
    Value y = ed.newValue(act.output(0).name() + "_biased", act.output(0).type());
    Node fused = Match.msNode(ed, ctx, op, act.name() + "_" + op, List.of(x, b), List.of(y), List.of());
    Match.replaceLast(ed, act, List.of(fused), y);
    return true;
  }
}
