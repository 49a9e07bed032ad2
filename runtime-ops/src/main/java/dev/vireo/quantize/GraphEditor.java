package dev.vireo.quantize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the node list of a graph in order: nodes are emitted one by one (unchanged, with
 * inputs redirected, or replaced by new ones), initializers are added with unique names, and
 * {@link #finish} installs the new list. Names of new values and nodes never collide with
 * existing ones.
 */
final class GraphEditor {
  private final Graph graph;
  private final int opset;
  private final Set<String> names = new HashSet<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<Value, Value> redirect = new IdentityHashMap<>();

  /** @param opset the ai.onnx version new nodes are built at */
  GraphEditor(Graph graph, int opset) {
    this.graph = graph;
    this.opset = opset;
    graph.inputs().forEach(v -> names.add(v.name()));
    graph.initializers().forEach(v -> names.add(v.name()));
    for (Node n : graph.nodes()) {
      names.add(n.name());
      n.outputs().forEach(v -> {
        if (v != null) {
          names.add(v.name());
        }
      });
    }
  }

  /** The ai.onnx version new nodes are built at. */
  int opset() {
    return opset;
  }

  Graph graph() {
    return graph;
  }

  String unique(String base) {
    String n = base;
    for (int i = 1; !names.add(n); i++) {
      n = base + "_" + i;
    }
    return n;
  }

  /** Adds an initializer. */
  Value constant(String base, Tensor t) {
    Value v = new Value(unique(base), null);
    v.setInitializer(t);
    graph.initializers().add(v);
    return v;
  }

  /** From now on, nodes emitted with {@link #emitRedirected} read {@code to} instead of {@code from}. */
  void redirect(Value from, Value to) {
    redirect.put(from, to);
  }

  /** Emits a new ai.onnx node with one new output named after {@code base}. */
  Value node(String opType, String base, List<Attribute> attrs, Value... inputs) {
    Value out = new Value(unique(base), null);
    node(opType, List.of(out), attrs, inputs);
    return out;
  }

  /** Emits a new ai.onnx node writing the given outputs. */
  void node(String opType, List<Value> outputs, List<Attribute> attrs, Value... inputs) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    attrs.forEach(x -> a.put(x.name(), x));
    String name = unique(outputs.get(0).name() + "/" + opType);
    nodes.add(new Node(name, Node.ONNX_DOMAIN, opType, opset, Arrays.asList(inputs), outputs, a));
  }

  /** Emits an existing node, its direct inputs redirected as registered. */
  void emitRedirected(Node n) {
    emitWith(n, Map.of());
  }

  /**
   * Emits an existing node reading {@code overrides.get(i)} as input i where given, its other
   * direct inputs redirected as registered.
   */
  void emitWith(Node n, Map<Integer, Value> overrides) {
    boolean changed = false;
    List<Value> ins = new ArrayList<>(n.inputs());
    for (int i = 0; i < ins.size(); i++) {
      Value to = overrides.get(i);
      if (to == null && ins.get(i) != null) {
        to = redirect.get(ins.get(i));
      }
      if (to != null) {
        ins.set(i, to);
        changed = true;
      }
    }
    nodes.add(changed
        ? new Node(n.name(), n.domain(), n.opType(), n.opset(), ins, n.outputs(), n.attributes())
        : n);
  }

  /** Installs the emitted nodes and drops initializers nothing reads any more. */
  void finish() {
    graph.setNodes(nodes);
    Set<Value> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node n : nodes) {
      used.addAll(dev.vireo.ir.GraphChecker.readValues(n));
    }
    used.addAll(graph.outputs());
    used.addAll(graph.inputs());
    graph.initializers().removeIf(v -> !used.contains(v));
  }
}
