package dev.vireo.optimize.transformer;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the decomposed layer norm that PyTorch exports over the last axis into one
 * LayerNormalization:
 *
 * <pre>
 *   m = ReduceMean(x, axes=[-1]); d = Sub(x, m); v = ReduceMean(Pow(d, 2), axes=[-1])
 *   y = Div(d, Sqrt(Add(v, eps))) · gamma (+ beta)
 * </pre>
 *
 * (Mul(d, d) is accepted for the square). gamma and beta must be 1-D float constants of x's last
 * dim, eps a float scalar constant. The fused node is versioned 17, the first ai.onnx opset that
 * defines LayerNormalization, whatever the model imports.
 */
public final class LayerNormFusion implements GraphPass {
  private static final int LAYER_NORM_OPSET = 17;

  @Override
  public String name() {
    return "layer-norm-fusion";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.EXTENDED;
  }

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    return ed.rewriteEach("ReduceMean", n -> fuse(ed, ctx, n));
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node mean) {
    Value x = mean.input(0);
    int rank = Match.rank(x);
    long hidden = Match.lastDim(x);
    if (hidden <= 0 || !Match.reducesLastAxis(ed, mean, rank)) {
      return false;
    }
    // Sub(x, mean) read by the square and by the Div
    Node sub = null;
    for (Node c : ed.consumers(mean.output(0))) {
      if (c.domain().isEmpty() && c.opType().equals("Sub") && c.input(0) == x && c.input(1) == mean.output(0)) {
        sub = c;
      }
    }
    if (sub == null || ed.consumers(mean.output(0)).size() != 1) {
      return false;
    }
    Value d = sub.output(0);
    List<Node> readers = ed.consumers(d);
    if (readers.size() != 2 || ed.isGraphOutput(d)) {
      return false;
    }
    Node square = null;
    Node div = null;
    for (Node c : readers) {
      if (!c.domain().isEmpty()) {
        return false;
      }
      if (c.opType().equals("Pow") && c.input(0) == d && Match.scalarNear(ed, c.input(1), 2.0, 0)) {
        square = c;
      } else if (c.opType().equals("Mul") && c.input(0) == d && c.input(1) == d) {
        square = c;
      } else if (c.opType().equals("Div") && c.input(0) == d) {
        div = c;
      }
    }
    if (square == null || div == null) {
      return false;
    }
    Node var = Match.onlyConsumer(ed, square.output(0), "ReduceMean");
    if (var == null || var.input(0) != square.output(0) || !Match.reducesLastAxis(ed, var, rank)) {
      return false;
    }
    Node addEps = Match.onlyConsumer(ed, var.output(0), "Add");
    Float eps = addEps == null ? null : Match.scalar(ed, Match.other(addEps, var.output(0)));
    if (eps == null || eps < 0) {
      return false;
    }
    Node sqrt = Match.onlyConsumer(ed, addEps.output(0), "Sqrt");
    if (sqrt == null || ed.consumers(sqrt.output(0)).size() != 1 || div.input(1) != sqrt.output(0)
        || ed.isGraphOutput(sqrt.output(0))) {
      return false;
    }
    Node mul = Match.onlyConsumer(ed, div.output(0), "Mul");
    Value gamma = mul == null ? null : Match.other(mul, div.output(0));
    if (gamma == null || Match.vector(ed, gamma, hidden) == null) {
      return false;
    }
    Node last = mul;
    Value beta = null;
    Node add = Match.onlyConsumer(ed, mul.output(0), "Add");
    if (add != null && Match.vector(ed, Match.other(add, mul.output(0)), hidden) != null) {
      beta = Match.other(add, mul.output(0));
      last = add;
    }
    Value y = ed.newValue(last.output(0).name() + "_ln", last.output(0).type());
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    attrs.put("axis", Attribute.of("axis", -1L));
    attrs.put("epsilon", Attribute.of("epsilon", eps));
    List<Value> ins = new ArrayList<>(List.of(x, gamma));
    if (beta != null) {
      ins.add(beta);
    }
    int opset = Math.max(ctx.opset(Node.ONNX_DOMAIN), LAYER_NORM_OPSET);
    Node ln = new Node(ed.uniqueName(mean.name() + "_LayerNorm"), Node.ONNX_DOMAIN,
        "LayerNormalization", opset, ins, List.of(y), attrs);
    Match.replaceLast(ed, last, List.of(ln), y);
    return true;
  }
}
