package dev.vireo.optimize.qdq;

import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the QDQ fusions share: who reads each value, the QuantizeLinear that is the only reader
 * of an op's output, and the final clean-up of DequantizeLinear nodes nothing reads any more.
 */
final class QdqRewrite {
  private final Graph graph;
  private final Map<Value, List<Node>> readers = new IdentityHashMap<>();
  private final Set<String> names = new HashSet<>();

  QdqRewrite(Graph graph) {
    this.graph = graph;
    graph.inputs().forEach(v -> names.add(v.name()));
    graph.initializers().forEach(v -> names.add(v.name()));
    for (Node n : graph.nodes()) {
      names.add(n.name());
      for (Value v : GraphChecker.readValues(n)) {
        readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n);
      }
      n.outputs().forEach(v -> {
        if (v != null) {
          names.add(v.name());
        }
      });
    }
  }

  /**
   * The QuantizeLinear that alone reads {@code out} (which is no graph output), with an 8-bit
   * constant zero point and a scalar constant scale; null otherwise.
   */
  Node onlyQuantizeReader(Value out) {
    List<Node> r = readers.getOrDefault(out, List.of());
    if (r.size() != 1 || graph.outputs().contains(out)) {
      return null;
    }
    Node q = r.get(0);
    if (!q.domain().isEmpty() || !q.opType().equals("QuantizeLinear") || q.input(0) != out) {
      return null;
    }
    Value scale = q.input(1);
    Value zp = q.input(2);
    if (scale == null || zp == null || scale.initializer() == null || zp.initializer() == null
        || scale.initializer().size() != 1 || zp.initializer().size() != 1
        || scale.initializer().dtype() != DType.FLOAT
        || !(zp.initializer().dtype() == DType.INT8 || zp.initializer().dtype() == DType.UINT8)) {
      return null;
    }
    return q;
  }

  /**
   * The QuantizeLinear that ends an op's output {@code out}: either its only reader ({@link
   * #onlyQuantizeReader}, {@code relu} null), or the only reader of a Relu that alone reads
   * {@code out} when that QuantizeLinear's zero point is the lowest value of its type. Then the
   * Relu changes nothing: a negative x gives {@code round(x / scale) <= 0}, which saturates to
   * the zero point, the same value as {@code Q(0)}; so {@code Q(Relu(x)) == Q(x)} bit for bit
   * and the Relu can be dropped (onnxruntime removes it the same way).
   */
  record Tail(Node quantize, Node relu) {}

  /** The tail of {@code out} as described at {@link Tail}; null when there is none. */
  Tail quantizedTail(Value out) {
    Node q = onlyQuantizeReader(out);
    if (q != null) {
      return new Tail(q, null);
    }
    List<Node> r = readers.getOrDefault(out, List.of());
    if (r.size() != 1 || graph.outputs().contains(out)) {
      return null;
    }
    Node relu = r.get(0);
    if (!relu.domain().isEmpty() || !relu.opType().equals("Relu") || relu.input(0) != out
        || relu.output(0) == null) {
      return null;
    }
    q = onlyQuantizeReader(relu.output(0));
    return q != null && saturatesAtZero(q) ? new Tail(q, relu) : null;
  }

  /** True when the zero point of QuantizeLinear {@code q} (8-bit, constant) is its type's minimum. */
  static boolean saturatesAtZero(Node q) {
    Value zp = q.input(2);
    if (zp == null || zp.initializer() == null || zp.initializer().size() != 1) {
      return false;
    }
    long z = zp.initializer().toLongArray()[0];
    DType t = zp.initializer().dtype();
    return (t == DType.UINT8 && z == 0) || (t == DType.INT8 && z == Byte.MIN_VALUE);
  }

  /** True when {@code v} is read by exactly one node and is no graph output. */
  boolean onlyReader(Value v, Node n) {
    List<Node> r = readers.getOrDefault(v, List.of());
    return r.size() == 1 && r.get(0) == n && !graph.outputs().contains(v);
  }

  String unique(String base) {
    String n = base;
    for (int i = 1; !names.add(n); i++) {
      n = base + "_" + i;
    }
    return n;
  }

  /**
   * Installs the node list with each {@code replaced} node (a QuantizeLinear) swapped for its
   * fused node, drops the {@code removed} ones, then drops DequantizeLinear nodes nothing reads.
   */
  void install(Map<Node, Node> replaced, Set<Node> removed) {
    List<Node> out = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (removed.contains(n)) {
        continue;
      }
      out.add(replaced.getOrDefault(n, n));
    }
    Set<Value> read = Collections.newSetFromMap(new IdentityHashMap<>());
    out.forEach(n -> read.addAll(GraphChecker.readValues(n)));
    read.addAll(graph.outputs());
    out.removeIf(n -> n.opType().equals("DequantizeLinear") && n.domain().isEmpty()
        && !read.contains(n.output(0)));
    graph.setNodes(out);
    Set<Value> stillRead = Collections.newSetFromMap(new IdentityHashMap<>());
    out.forEach(n -> stillRead.addAll(GraphChecker.readValues(n)));
    stillRead.addAll(graph.outputs());
    stillRead.addAll(graph.inputs());
    graph.initializers().removeIf(v -> !stillRead.contains(v));
  }
}
