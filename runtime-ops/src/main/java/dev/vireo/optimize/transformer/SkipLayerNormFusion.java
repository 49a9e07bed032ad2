package dev.vireo.optimize.transformer;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuses a residual Add feeding a LayerNormalization over the last axis into com.microsoft
 * SkipLayerNormalization: {@code LayerNorm(a + b)} becomes {@code SkipLayerNorm(a, b, gamma,
 * beta)}; when one side is itself {@code Add(t, bias)} with a 1-D constant bias of the hidden size
 * (the bias of the preceding dense layer), that Add is folded in as the op's bias input.
 *
 * <p>Preconditions: both Add operands are 3-D float with the same known hidden size; their other
 * dims are equal where known, except that one operand may have batch 1 (it becomes skip, which
 * the op broadcasts over the batch). gamma and beta are 1-D of the hidden size. The Add's output
 * is read only by the LayerNormalization.
 */
public final class SkipLayerNormFusion implements GraphPass {
  @Override
  public String name() {
    return "skip-layer-norm-fusion";
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
    return ed.rewriteEach("LayerNormalization", n -> fuse(ed, ctx, n));
  }

  private static boolean fuse(GraphEditor ed, PassContext ctx, Node ln) {
    long axis = ln.attrInt("axis", -1);
    if ((axis != -1 && axis != 2) || ln.output(1) != null || ln.output(2) != null
        || ln.attrInt("stash_type", 1) != 1) {
      return false;
    }
    Node add = Match.producer(ed, ln.input(0), "Add");
    if (add == null || !ed.hasSingleUse(add.output(0)) || add.inputs().size() != 2) {
      return false;
    }
    long hidden = Match.lastDim(add.output(0));
    Value a = add.input(0);
    Value b = add.input(1);
    if (hidden <= 0 || Match.rank(a) != 3 || Match.rank(b) != 3
        || Match.lastDim(a) != hidden || Match.lastDim(b) != hidden
        || ed.constant(a) != null || ed.constant(b) != null) {
      return false;
    }
    Value gamma = ln.input(1);
    Value beta = ln.input(2);
    if (Match.vector(ed, gamma, hidden) == null || (beta != null && Match.vector(ed, beta, hidden) == null)) {
      return false;
    }
    // the operand with batch 1 (if any) must be skip
    if (batchIsOne(a) && !batchIsOne(b)) {
      Value t = a;
      a = b;
      b = t;
    }
    if (!sameShapeOrOneBatch(a, b)) {
      return false;
    }
    Value bias = null;
    Node biasAdd = biasAdd(ed, a, hidden);
    if (biasAdd != null) {
      Value t = ed.constant(biasAdd.input(0)) != null ? biasAdd.input(1) : biasAdd.input(0);
      bias = Match.other(biasAdd, t);
      a = t;
    } else if ((biasAdd = biasAdd(ed, b, hidden)) != null && !batchIsOne(b)) {
      Value t = ed.constant(biasAdd.input(0)) != null ? biasAdd.input(1) : biasAdd.input(0);
      bias = Match.other(biasAdd, t);
      b = t;
    }
    List<Value> ins = new ArrayList<>(List.of(a, b, gamma));
    ins.add(beta);
    if (bias != null) {
      ins.add(bias);
    }
    while (ins.get(ins.size() - 1) == null) {
      ins.remove(ins.size() - 1);
    }
    Value y = ed.newValue(ln.output(0).name() + "_sln", ln.output(0).type());
    float eps = ln.attrFloat("epsilon", 1e-5f);
    Node sln = Match.msNode(ed, ctx, "SkipLayerNormalization", ln.name() + "_SkipLayerNorm", ins,
        List.of(y), List.of(Attribute.of("epsilon", eps)));
    Match.replaceLast(ed, ln, List.of(sln), y);
    return true;
  }

  /** The Add producing {@code v} from a non-constant and a 1-D constant of the hidden size, read only there. */
  private static Node biasAdd(GraphEditor ed, Value v, long hidden) {
    Node p = Match.producer(ed, v, "Add");
    if (p == null || !ed.hasSingleUse(v) || p.inputs().size() != 2) {
      return null;
    }
    boolean c0 = Match.vector(ed, p.input(0), hidden) != null;
    boolean c1 = Match.vector(ed, p.input(1), hidden) != null;
    if (c0 == c1) {
      return null;
    }
    Value t = c0 ? p.input(1) : p.input(0);
    return Match.rank(t) == 3 && Match.lastDim(t) == hidden && ed.constant(t) == null ? p : null;
  }

  private static boolean batchIsOne(Value v) {
    Dim d = v.tensorType().dims().get(0);
    return d.isKnown() && d.value() == 1;
  }

  /** Dims 0 and 1 equal where both are known (or symbolic and the same), or b has batch 1. */
  private static boolean sameShapeOrOneBatch(Value a, Value b) {
    TensorType ta = a.tensorType();
    TensorType tb = b.tensorType();
    for (int i = 0; i < 2; i++) {
      Dim da = ta.dims().get(i);
      Dim db = tb.dims().get(i);
      if (i == 0 && db.isKnown() && db.value() == 1) {
        continue;
      }
      if (da.isKnown() && db.isKnown() && da.value() != db.value()) {
        return false;
      }
      if (da.isSymbolic() && db.isSymbolic() && !da.symbol().equals(db.symbol())) {
        return false;
      }
    }
    return true;
  }
}
