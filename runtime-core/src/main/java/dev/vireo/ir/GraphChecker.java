package dev.vireo.ir;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a graph and puts its nodes in topological order.
 *
 * <p>Checks: every value a node reads is a graph input, an initializer, the output of a node of
 * this graph, or visible from an enclosing graph; no value is produced twice; graph outputs are
 * defined; the nodes form no cycle. Subgraphs in attributes are checked recursively with the
 * enclosing values visible. Work is iterative (Kahn's algorithm), so a very deep graph cannot
 * overflow the stack.
 */
public final class GraphChecker {
  private GraphChecker() {}

  /**
   * Checks the graph and its subgraphs and sorts their nodes topologically (stable: nodes
   * already in order keep their order).
   *
   * @throws ModelLoadException naming the offending node or value
   */
  public static void check(Graph graph) {
    check(graph, Set.of());
  }

  private static void check(Graph graph, Set<Value> outer) {
    Set<Value> defined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    defined.addAll(graph.inputs());
    defined.addAll(graph.initializers());
    Map<Value, Node> producers = new IdentityHashMap<>();
    Set<String> names = new HashSet<>();
    for (Value v : defined) {
      names.add(v.name());
    }
    for (Node n : graph.nodes()) {
      for (Value out : n.outputs()) {
        if (out == null) {
          continue;
        }
        if (producers.containsKey(out) || defined.contains(out) || !names.add(out.name())) {
          throw new ModelLoadException(
              Phase.VALIDATE, n.context(),
              "output '" + out.name() + "' is already defined"
                  + (producers.containsKey(out) ? " by node '" + producers.get(out).name() + "'" : ""),
              null);
        }
        producers.put(out, n);
      }
    }
    // Kahn's algorithm over node → node edges.
    List<Node> nodes = graph.nodes();
    Map<Node, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
    }
    int[] pending = new int[nodes.size()];
    List<List<Integer>> consumers = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      consumers.add(new ArrayList<>(2));
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      for (Value in : readValues(n)) {
        Node p = producers.get(in);
        if (p != null) {
          pending[i]++;
          consumers.get(index.get(p)).add(i);
        } else if (!defined.contains(in) && !outer.contains(in)) {
          throw new ModelLoadException(
              Phase.VALIDATE, n.context(), "input '" + in.name() + "' is not defined", null);
        }
      }
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Node> sorted = new ArrayList<>(nodes.size());
    while (!ready.isEmpty()) {
      int i = ready.poll();
      sorted.add(nodes.get(i));
      for (int c : consumers.get(i)) {
        if (--pending[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (sorted.size() != nodes.size()) {
      for (int i = 0; i < nodes.size(); i++) {
        if (pending[i] > 0) {
          throw new ModelLoadException(
              Phase.VALIDATE, nodes.get(i).context(),
              "the graph has a cycle through this node", null);
        }
      }
    }
    graph.setNodes(sorted);
    for (Value out : graph.outputs()) {
      if (!producers.containsKey(out) && !defined.contains(out) && !outer.contains(out)) {
        throw new ModelLoadException(
            Phase.VALIDATE, "graph '" + graph.name() + "' output '" + out.name() + "' is not defined");
      }
    }
    // Subgraphs see everything defined here and above.
    Set<Value> visible = null;
    for (Node n : sorted) {
      for (Attribute a : n.attributes().values()) {
        List<Graph> subs =
            a.kind() == Attribute.Kind.GRAPH ? List.of(a.graphValue())
                : a.kind() == Attribute.Kind.GRAPHS ? a.graphsValue() : List.of();
        for (Graph sub : subs) {
          if (visible == null) {
            visible = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            visible.addAll(outer);
            visible.addAll(defined);
            visible.addAll(producers.keySet());
          }
          check(sub, visible);
        }
      }
    }
  }

  /**
   * The values a node reads: its inputs and, for nodes with subgraphs, the outer-scope values
   * those subgraphs capture (so the node runs after their producers).
   */
  public static List<Value> readValues(Node n) {
    List<Value> r = new ArrayList<>();
    for (Value v : n.inputs()) {
      if (v != null) {
        r.add(v);
      }
    }
    for (Attribute a : n.attributes().values()) {
      if (a.kind() == Attribute.Kind.GRAPH) {
        r.addAll(capturedValues(a.graphValue()));
      } else if (a.kind() == Attribute.Kind.GRAPHS) {
        for (Graph g : a.graphsValue()) {
          r.addAll(capturedValues(g));
        }
      }
    }
    return r;
  }

  /** Values a subgraph (or its own subgraphs) reads that it does not define itself. */
  public static List<Value> capturedValues(Graph g) {
    Set<Value> own = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    own.addAll(g.inputs());
    own.addAll(g.initializers());
    for (Node n : g.nodes()) {
      for (Value o : n.outputs()) {
        if (o != null) {
          own.add(o);
        }
      }
    }
    Set<Value> captured = new java.util.LinkedHashSet<>();
    ArrayDeque<Node> work = new ArrayDeque<>(g.nodes());
    for (Node n : work) {
      for (Value v : readValues(n)) {
        if (!own.contains(v)) {
          captured.add(v);
        }
      }
    }
    for (Value o : g.outputs()) {
      if (!own.contains(o)) {
        captured.add(o);
      }
    }
    return new ArrayList<>(captured);
  }
}
