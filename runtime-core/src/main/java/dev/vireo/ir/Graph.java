package dev.vireo.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computation graph: inputs, initializers (constant values, possibly also inputs so that a
 * caller may override them), nodes in topological order, and outputs.
 *
 * <p>A subgraph (the body of If, Loop or Scan) has a parent graph; its nodes may read values of
 * the enclosing graphs, which stay the same {@link Value} objects ("outer-scope references").
 */
public final class Graph {
  private final String name;
  private final Graph parent;
  private final List<Value> inputs = new ArrayList<>();
  private final List<Value> outputs = new ArrayList<>();
  private final List<Value> initializers = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  public Graph(String name, Graph parent) {
    this.name = name == null ? "" : name;
    this.parent = parent;
  }

  public String name() {
    return name;
  }

  /** The enclosing graph of a subgraph; null for the main graph. */
  public Graph parent() {
    return parent;
  }

  /** Graph inputs in declaration order, including initializers declared as inputs. */
  public List<Value> inputs() {
    return inputs;
  }

  public List<Value> outputs() {
    return outputs;
  }

  /** Values with constant data ({@link Value#initializer()} non-null). */
  public List<Value> initializers() {
    return initializers;
  }

  /** Nodes, in topological order once {@link GraphChecker#check} has run. */
  public List<Node> nodes() {
    return nodes;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** Inputs the caller must provide: graph inputs without an initializer. */
  public List<Value> requiredInputs() {
    List<Value> r = new ArrayList<>();
    for (Value v : inputs) {
      if (v.initializer() == null) {
        r.add(v);
      }
    }
    return Collections.unmodifiableList(r);
  }

  /** Replaces the node list (used after sorting or by rewrites). */
  public void setNodes(List<Node> sorted) {
    List<Node> copy = new ArrayList<>(sorted);
    nodes.clear();
    nodes.addAll(copy);
  }

  /** Every node in this graph and, recursively, in its subgraph attributes. */
  public int totalNodeCount() {
    int n = 0;
    for (Node node : nodes) {
      n++;
      for (Attribute a : node.attributes().values()) {
        if (a.kind() == Attribute.Kind.GRAPH) {
          n += a.graphValue().totalNodeCount();
        } else if (a.kind() == Attribute.Kind.GRAPHS) {
          for (Graph g : a.graphsValue()) {
            n += g.totalNodeCount();
          }
        }
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "graph '" + name + "' (" + nodes.size() + " nodes)";
  }
}
