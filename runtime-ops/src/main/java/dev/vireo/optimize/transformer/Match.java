package dev.vireo.optimize.transformer;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guard clauses the transformer fusions share. Each returns null (or false) when the graph
 * is not exactly what the pattern assumes, so a matcher can stop at the first failed check.
 */
final class Match {
  /** The domain of onnxruntime's contrib operators, which the fused nodes use. */
  static final String MS_DOMAIN = "com.microsoft";

  private Match() {}

  /** The producer of {@code v} when it is an ai.onnx node of type {@code op}; else null. */
  static Node producer(GraphEditor ed, Value v, String op) {
    Node p = v == null ? null : ed.producer(v);
    return p != null && p.domain().isEmpty() && p.opType().equals(op) ? p : null;
  }

  /** The only reader of {@code v} when it is an ai.onnx node of type {@code op}; else null. */
  static Node onlyConsumer(GraphEditor ed, Value v, String op) {
    if (v == null || !ed.hasSingleUse(v)) {
      return null;
    }
    Node c = ed.consumers(v).get(0);
    return c.domain().isEmpty() && c.opType().equals(op) ? c : null;
  }

  /** For a binary node reading {@code v}, its other input; null when {@code v} is not one of two. */
  static Value other(Node n, Value v) {
    if (n.inputs().size() != 2) {
      return null;
    }
    if (n.input(0) == v) {
      return n.input(1);
    }
    return n.input(1) == v ? n.input(0) : null;
  }

  /** The value of a one-element float constant, or null. */
  static Float scalar(GraphEditor ed, Value v) {
    Tensor t = ed.constant(v);
    if (t == null || t.dtype() != DType.FLOAT || t.size() != 1) {
      return null;
    }
    return t.floats()[0];
  }

  /** Whether {@code v} is a one-element float constant within {@code rel} of {@code want}. */
  static boolean scalarNear(GraphEditor ed, Value v, double want, double rel) {
    Float f = scalar(ed, v);
    return f != null && Math.abs(f - want) <= rel * Math.abs(want);
  }

  /** A 1-D float constant of length {@code n} (any length when n &lt; 0), or null. */
  static Tensor vector(GraphEditor ed, Value v, long n) {
    Tensor t = ed.constant(v);
    if (t == null || t.dtype() != DType.FLOAT || t.rank() != 1 || (n >= 0 && t.size() != n)) {
      return null;
    }
    return t;
  }

  /** The known last dim of a float tensor value, or -1. */
  static long lastDim(Value v) {
    TensorType t = v == null ? null : v.tensorType();
    if (t == null || t.elemType() != DType.FLOAT || !t.hasRank() || t.rank() == 0) {
      return -1;
    }
    Dim d = t.dims().get(t.rank() - 1);
    return d.isKnown() ? d.value() : -1;
  }

  /** The rank of a value, or -1 when unknown. */
  static int rank(Value v) {
    TensorType t = v == null ? null : v.tensorType();
    return t == null || !t.hasRank() ? -1 : t.rank();
  }

  /** The reduction axes of a ReduceMean (attribute before opset 18, input 1 from 18 on), or null. */
  static long[] reduceAxes(GraphEditor ed, Node n) {
    if (n.hasAttr("axes")) {
      return n.attrInts("axes", null);
    }
    Tensor t = n.input(1) == null ? null : ed.constant(n.input(1));
    return t == null ? null : t.toLongArray();
  }

  /** Whether a ReduceMean keeps dims and reduces exactly the last axis of a rank-{@code rank} input. */
  static boolean reducesLastAxis(GraphEditor ed, Node n, int rank) {
    long[] axes = reduceAxes(ed, n);
    return n.attrInt("keepdims", 1) == 1 && axes != null && axes.length == 1
        && (axes[0] == -1 || (rank > 0 && axes[0] == rank - 1));
  }

  /** A new com.microsoft node, importing the domain into the model. */
  static Node msNode(GraphEditor ed, PassContext ctx, String op, String name, List<Value> inputs,
      List<Value> outputs, List<Attribute> attrs) {
    int version = ctx.importDomain(MS_DOMAIN, 1);
    Map<String, Attribute> a = new LinkedHashMap<>();
    attrs.forEach(x -> a.put(x.name(), x));
    return new Node(ed.uniqueName(name), MS_DOMAIN, op, version, inputs, outputs, a);
  }

  /**
   * Puts {@code replacement} where {@code last} (the pattern's final node) stood and moves every
   * reader of {@code last}'s output 0 to {@code newOut}; the pattern's other nodes become dead and
   * dead-code elimination removes them.
   */
  static void replaceLast(GraphEditor ed, Node last, List<Node> replacement, Value newOut) {
    Value old = last.output(0);
    ed.replace(List.of(last), replacement);
    if (!ed.replaceAllUses(old, newOut)) {
      throw new IllegalStateException("could not move the readers of '" + old.name() + "' to the fused node");
    }
  }
}
