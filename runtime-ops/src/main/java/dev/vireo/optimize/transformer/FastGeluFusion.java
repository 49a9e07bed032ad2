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
 * Fuses the tanh form of Gelu, {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, into
 * com.microsoft FastGelu. The cube is {@code Pow(x, 3)} or {@code Mul(x, Mul(x, x))}; the 0.5, x
 * and {@code 1 + tanh} factors may be multiplied in the orders {@link GeluFusion} accepts.
 * Constants must match to 1e-4 relative.
 */
public final class FastGeluFusion implements GraphPass {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double CUBIC = 0.044715;
  private static final double REL = 1e-4;

  @Override
  public String name() {
    return "fast-gelu-fusion";
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
    return ed.rewriteEach("Tanh", n -> fuse(ed, ctx, n));
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node tanh) {
    // √(2/π)·(x + 0.044715·x³)
    Node outer = Match.producer(ed, tanh.input(0), "Mul");
    if (outer == null || !ed.hasSingleUse(tanh.input(0))) {
      return false;
    }
    int ci = Match.scalarNear(ed, outer.input(1), SQRT_2_OVER_PI, REL) ? 1
        : Match.scalarNear(ed, outer.input(0), SQRT_2_OVER_PI, REL) ? 0 : -1;
    Node inner = ci < 0 ? null : Match.producer(ed, outer.input(1 - ci), "Add");
    if (inner == null || !ed.hasSingleUse(inner.output(0)) || inner.inputs().size() != 2) {
      return false;
    }
    Value x = null;
    for (int i = 0; i < 2 && x == null; i++) {
      if (isCubicTerm(ed, inner.input(1 - i), inner.input(i))) {
        x = inner.input(i);
      }
    }
    if (x == null || (Match.lastDim(x) < 0 && Match.rank(x) != 0)) {
      return false;
    }
    Node plusOne = Match.onlyConsumer(ed, tanh.output(0), "Add");
    if (plusOne == null || !Match.scalarNear(ed, Match.other(plusOne, tanh.output(0)), 1.0, 0)) {
      return false;
    }
    Node last = GeluFusion.halfProduct(ed, x, plusOne.output(0));
    if (last == null) {
      return false;
    }
    Value y = ed.newValue(last.output(0).name() + "_fastgelu", last.output(0).type());
    Node gelu = Match.msNode(ed, ctx, "FastGelu", tanh.name() + "_FastGelu", List.of(x), List.of(y), List.of());
    Match.replaceLast(ed, last, List.of(gelu), y);
    return true;
  }

  /** Whether {@code v} is {@code 0.044715·x³}, read only by the inner Add. */
  private static boolean isCubicTerm(GraphEditor ed, Value v, Value x) {
    Node m = Match.producer(ed, v, "Mul");
    if (m == null || !ed.hasSingleUse(v)) {
      return false;
    }
    int ci = Match.scalarNear(ed, m.input(1), CUBIC, REL) ? 1
        : Match.scalarNear(ed, m.input(0), CUBIC, REL) ? 0 : -1;
    if (ci < 0) {
      return false;
    }
    Value cube = m.input(1 - ci);
    Node p = Match.producer(ed, cube, "Pow");
    if (p != null) {
      return p.input(0) == x && Match.scalarNear(ed, p.input(1), 3.0, 0) && ed.hasSingleUse(cube);
    }
    Node m3 = Match.producer(ed, cube, "Mul");
    Value sq = m3 == null ? null : Match.other(m3, x);
    Node m2 = Match.producer(ed, sq, "Mul");
    return m2 != null && m2.input(0) == x && m2.input(1) == x && ed.hasSingleUse(cube) && ed.hasSingleUse(sq);
  }
}
