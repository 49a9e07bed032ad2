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
 * Fuses the erf form of Gelu, {@code x·0.5·(1 + erf(x/√2))}, into com.microsoft Gelu. The erf
 * argument is {@code Div(x, √2)} or {@code Mul(x, 1/√2)}; the three factors x, {@code 1 + erf}
 * and 0.5 may be multiplied in any of the orders exporters use: {@code (x·e)·0.5}, {@code
 * x·(e·0.5)} or {@code (x·0.5)·e}. Constants must match to 1e-4 relative.
 */
public final class GeluFusion implements GraphPass {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double REL = 1e-4;

  @Override
  public String name() {
    return "gelu-fusion";
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
    return ed.rewriteEach("Erf", n -> fuse(ed, ctx, n));
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node erf) {
    Node scale = ed.producer(erf.input(0));
    if (scale == null || !scale.domain().isEmpty() || !ed.hasSingleUse(erf.input(0))) {
      return false;
    }
    Value x;
    if (scale.opType().equals("Div") && Match.scalarNear(ed, scale.input(1), SQRT2, REL)) {
      x = scale.input(0);
    } else if (scale.opType().equals("Mul") && Match.scalarNear(ed, scale.input(1), 1 / SQRT2, REL)) {
      x = scale.input(0);
    } else if (scale.opType().equals("Mul") && Match.scalarNear(ed, scale.input(0), 1 / SQRT2, REL)) {
      x = scale.input(1);
    } else {
      return false;
    }
    if (Match.lastDim(x) < 0 && Match.rank(x) != 0) {
      return false;
    }
    Node plusOne = Match.onlyConsumer(ed, erf.output(0), "Add");
    if (plusOne == null || !Match.scalarNear(ed, Match.other(plusOne, erf.output(0)), 1.0, 0)) {
      return false;
    }
    Node last = halfProduct(ed, x, plusOne.output(0));
    if (last == null) {
      return false;
    }
    Value y = ed.newValue(last.output(0).name() + "_gelu", last.output(0).type());
    Node gelu = Match.msNode(ed, ctx, "Gelu", erf.name() + "_Gelu", List.of(x), List.of(y), List.of());
    Match.replaceLast(ed, last, List.of(gelu), y);
    return true;
  }

  /**
   * The last node of {@code 0.5·x·e} when it is built as {@code (x·e)·0.5}, {@code x·(e·0.5)} or
   * {@code (x·0.5)·e}, with e read only by that product; else null. Shared with the tanh form.
   */
  static Node halfProduct(GraphEditor ed, Value x, Value e) {
    Node mul1 = Match.onlyConsumer(ed, e, "Mul");
    Value o1 = mul1 == null ? null : Match.other(mul1, e);
    if (o1 == null) {
      return null;
    }
    if (o1 == x) {
      // (x·e)·0.5
      Node last = Match.onlyConsumer(ed, mul1.output(0), "Mul");
      return last != null && Match.scalarNear(ed, Match.other(last, mul1.output(0)), 0.5, 0) ? last : null;
    }
    if (Match.scalarNear(ed, o1, 0.5, 0)) {
      // x·(e·0.5)
      Node last = Match.onlyConsumer(ed, mul1.output(0), "Mul");
      return last != null && Match.other(last, mul1.output(0)) == x ? last : null;
    }
    // (x·0.5)·e
    Node half = Match.producer(ed, o1, "Mul");
    if (half == null || !ed.hasSingleUse(o1) || Match.other(half, x) == null
        || !Match.scalarNear(ed, Match.other(half, x), 0.5, 0)) {
      return null;
    }
    return mul1;
  }
}
