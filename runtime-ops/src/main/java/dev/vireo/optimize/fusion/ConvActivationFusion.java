package dev.vireo.optimize.fusion;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses {@code Conv → [Add(·, Z)] → [activation]} (at least one of the two) into onnxruntime's
 * {@code com.microsoft FusedConv}: {@code Y = activation(Conv(X, W, B) + Z)}. Z is the residual
 * branch of the Add, which must have the Conv output's shape exactly (no broadcasting); the
 * activation is one of {@link FusableActivation}'s.
 *
 * <p>Matches only f32 standard Conv nodes with constant weights whose output (and the Add's, when
 * an activation follows) is read by that one node only and is no graph output. Does nothing when
 * the context is portable.
 */
public final class ConvActivationFusion implements GraphPass {
  @Override
  public String name() {
    return "conv-activation-fusion";
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
      Node conv = ed.current(s);
      if (conv == null || !conv.domain().isEmpty() || !conv.opType().equals("Conv")
          || conv.output(0) == null || elemType(conv.input(0)) != DType.FLOAT
          || ed.constant(conv.input(1)) == null || !ed.hasSingleUse(conv.output(0))) {
        continue;
      }
      List<Node> group = new ArrayList<>(List.of(conv));
      Value out = conv.output(0);
      Value z = null;
      Node next = ed.consumers(out).get(0);
      if (next.domain().isEmpty() && next.opType().equals("Add") && next.inputs().size() == 2) {
        Value other = next.input(0) == out ? next.input(1) : next.input(0);
        if (other != out && sameShape(other, out) && elemType(other) == DType.FLOAT) {
          z = other;
          group.add(next);
          out = next.output(0);
          next = ed.hasSingleUse(out) ? ed.consumers(out).get(0) : null;
        }
      }
      FusableActivation act = next == null ? null : FusableActivation.of(next, ed);
      if (act != null && next.input(0) == out) {
        group.add(next);
        out = next.output(0);
      } else {
        act = null;
      }
      if (group.size() == 1) {
        continue;
      }
      int opset = ctx.importDomain("com.microsoft", 1);
      Map<String, Attribute> attrs = new LinkedHashMap<>(conv.attributes());
      if (act != null) {
        attrs.put("activation", Attribute.of("activation", act.opType()));
        attrs.put("activation_params", Attribute.floats("activation_params", act.convParams()));
      }
      List<Value> ins = new ArrayList<>(List.of(conv.input(0), conv.input(1)));
      ins.add(conv.input(2));
      if (z != null) {
        ins.add(z);
      }
      while (ins.get(ins.size() - 1) == null) {
        ins.remove(ins.size() - 1);
      }
      Node f = new Node(conv.name(), "com.microsoft", "FusedConv", opset, ins, List.of(out), attrs);
      ed.replace(group, List.of(f));
      fused++;
    }
    return fused;
  }

  private static DType elemType(Value v) {
    ValueType.TensorType t = v == null ? null : v.tensorType();
    return t == null ? null : t.elemType();
  }

  /** Equal ranked shapes, dim by dim known-and-equal or the same symbol. */
  private static boolean sameShape(Value a, Value b) {
    ValueType.TensorType x = a == null ? null : a.tensorType();
    ValueType.TensorType y = b.tensorType();
    if (x == null || y == null || !x.hasRank() || !y.hasRank() || x.rank() != y.rank()) {
      return false;
    }
    for (int i = 0; i < x.rank(); i++) {
      Dim p = x.dims().get(i);
      Dim q = y.dims().get(i);
      boolean same = p.isKnown() ? q.isKnown() && p.value() == q.value()
          : p.isSymbolic() && q.isSymbolic() && p.symbol().equals(q.symbol());
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
