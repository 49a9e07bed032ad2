package dev.vireo.optimize;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Edits one graph for a pass: who produces and who reads each value, and rewrites that keep the
 * graph valid. Nodes are immutable, so rewiring an input rebuilds the reading node; the index is
 * kept up to date by every edit.
 *
 * <p>Invariants kept by the edits: the graph's input and output {@link Value} objects (and so their
 * names) stay as they are; the node list stays topologically sorted; new names are unique in the
 * whole model (enclosing graphs and subgraphs included). Values of an enclosing graph read inside
 * a subgraph count as reads by the node that owns the subgraph, and {@link #replaceAllUses}
 * rewrites them inside the subgraph too.
 *
 * <p>Create an editor at the start of a pass, edit only through it while it is in use, and read
 * producers through {@link #producer} rather than {@link Value#producer()} (which may still name
 * a node a pass removed).
 */
public final class GraphEditor {
  private final Graph graph;
  private final Map<Value, Node> producers = new IdentityHashMap<>();
  private final Map<Value, List<Node>> consumers = new IdentityHashMap<>();
  private final Set<Value> graphOutputs = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Value> graphInputs = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> names = new HashSet<>();
  private final Map<Node, Node> rebuilt = new IdentityHashMap<>();

  public GraphEditor(Graph graph) {
    this.graph = graph;
    graphOutputs.addAll(graph.outputs());
    graphInputs.addAll(graph.inputs());
    Graph root = graph;
    while (root.parent() != null) {
      root = root.parent();
    }
    // names are unique over the whole model, so that no new name shadows or is shadowed by a
    // name of an enclosing graph or a subgraph once the model is written out
    collectNames(root, names);
    collectNames(graph, names);
    for (Node n : graph.nodes()) {
      index(n);
    }
  }

  private static void collectNames(Graph g, Set<String> names) {
    for (Value v : g.inputs()) {
      names.add(v.name());
    }
    for (Value v : g.initializers()) {
      names.add(v.name());
    }
    for (Node n : g.nodes()) {
      names.add(n.name());
      for (Value o : n.outputs()) {
        if (o != null) {
          names.add(o.name());
        }
      }
      for (Attribute a : n.attributes().values()) {
        for (Graph sub : subgraphs(a)) {
          collectNames(sub, names);
        }
      }
    }
  }

  public Graph graph() {
    return graph;
  }

  /** The current node list (the graph's own list: do not modify it while iterating over it). */
  public List<Node> nodes() {
    return graph.nodes();
  }

  /** A copy of the node list, safe to iterate while editing. */
  public List<Node> snapshot() {
    return new ArrayList<>(graph.nodes());
  }
  /**
   * Offers every default-domain {@code opType} node to {@code rewrite}, in the order of a snapshot
   * taken now, skipping nodes an earlier call removed or replaced.
   *
   * @param rewrite tries one rewrite anchored at the node; returns whether it changed the graph
   * @return how many calls changed the graph
   */
  public int rewriteEach(String opType, Predicate<Node> rewrite) {
    int changed = 0;
    for (Node s : snapshot()) {
      Node n = current(s);
      if (n != null && n.domain().isEmpty() && n.opType().equals(opType) && rewrite.test(n)) {
        changed++;
      }
    }
    return changed;
  }


  /** True while {@code n} is still in the graph. */
  public boolean contains(Node n) {
    for (Value o : n.outputs()) {
      if (o != null) {
        return producers.get(o) == n;
      }
    }
    return graph.nodes().contains(n);
  }

  /**
   * The node now standing for {@code n}: {@code n} itself while it is in the graph, its rebuilt
   * copy when an edit rewired it (see {@link #replaceAllUses}), or null once it was removed. Passes
   * that iterate over a {@link #snapshot} call this for each node first.
   */
  public Node current(Node n) {
    Node c = n;
    for (Node next = rebuilt.get(c); next != null; next = rebuilt.get(c)) {
      c = next;
    }
    return contains(c) ? c : null;
  }

  /** The node of this graph computing {@code v}, or null (graph input, initializer, outer value). */
  public Node producer(Value v) {
    return producers.get(v);
  }

  /** The nodes reading {@code v} (once per node, in graph order of their first read). */
  public List<Node> consumers(Value v) {
    List<Node> c = consumers.get(v);
    return c == null ? List.of() : Collections.unmodifiableList(c);
  }

  /** Whether {@code v} is an output of this graph. */
  public boolean isGraphOutput(Value v) {
    return graphOutputs.contains(v);
  }

  /** Whether {@code v} is read by no node and is no graph output. */
  public boolean isUnused(Value v) {
    return consumers(v).isEmpty() && !isGraphOutput(v);
  }

  /**
   * Whether {@code v} is read by exactly one node and is no graph output: the precondition for
   * fusing its producer into that node.
   */
  public boolean hasSingleUse(Value v) {
    return consumers(v).size() == 1 && !isGraphOutput(v);
  }

  /**
   * The constant value of {@code v}: an initializer that is not also a graph input (a caller may
   * override those), or the output of a {@code Constant} node; null otherwise.
   */
  public Tensor constant(Value v) {
    if (v == null) {
      return null;
    }
    if (v.initializer() != null) {
      return graphInputs.contains(v) ? null : v.initializer();
    }
    Node p = producers.get(v);
    if (p != null && p.opType().equals("Constant") && p.domain().isEmpty()) {
      try {
        return dev.vireo.op.shape.ConstantDef.value(p);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** The tensor type of {@code v}, or null. */
  public static ValueType.TensorType tensorType(Value v) {
    return v == null ? null : v.tensorType();
  }

  /** A name not yet used in this graph, {@code base} itself when free. */
  public String uniqueName(String base) {
    String n = base;
    for (int i = 1; names.contains(n); i++) {
      n = base + "_" + i;
    }
    names.add(n);
    return n;
  }

  /** A new value with a unique name derived from {@code base}. */
  public Value newValue(String base, ValueType type) {
    return new Value(uniqueName(base), type);
  }

  /** Adds an initializer with a unique name derived from {@code base}. */
  public Value addInitializer(String base, Tensor value) {
    Value v = new Value(uniqueName(base), null);
    v.setInitializer(value);
    graph.initializers().add(v);
    return v;
  }

  /** A copy of {@code n} reading {@code inputs} instead of its own (same name, outputs, attributes). */
  public static Node withInputs(Node n, List<Value> inputs) {
    return new Node(n.name(), n.domain(), n.opType(), n.opset(), inputs, n.outputs(), n.attributes());
  }

  /** A copy of {@code n} writing {@code outputs} instead of its own. */
  public static Node withOutputs(Node n, List<Value> outputs) {
    return new Node(n.name(), n.domain(), n.opType(), n.opset(), n.inputs(), outputs, n.attributes());
  }

  /**
   * Removes nodes from the graph. Their outputs must be unused afterwards (or re-produced by
   * nodes inserted later in the same rewrite).
   */
  public void remove(Node... nodes) {
    remove(List.of(nodes));
  }

  /** As {@link #remove(Node...)}. */
  public void remove(List<Node> nodes) {
    Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
    gone.addAll(nodes);
    graph.nodes().removeIf(gone::contains);
    for (Node n : nodes) {
      unindex(n);
    }
  }

  /**
   * Replaces a group of nodes (a matched pattern) by new nodes, placed where the last node of the
   * group stood so that every value they read is already defined; the new nodes must appear in
   * {@code replacement} in dependency order.
   */
  public void replace(List<Node> group, List<Node> replacement) {
    List<Node> list = graph.nodes();
    Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
    gone.addAll(group);
    int last = -1;
    for (int i = 0; i < list.size(); i++) {
      if (gone.contains(list.get(i))) {
        last = i;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("none of the nodes to replace is in " + graph);
    }
    List<Node> rebuilt = new ArrayList<>(list.size() - group.size() + replacement.size());
    for (int i = 0; i < list.size(); i++) {
      Node n = list.get(i);
      if (i == last) {
        rebuilt.addAll(replacement);
      }
      if (!gone.contains(n)) {
        rebuilt.add(n);
      }
    }
    graph.setNodes(rebuilt);
    for (Node n : group) {
      unindex(n);
    }
    for (Node n : replacement) {
      index(n);
      names.add(n.name());
    }
  }

  /** Inserts {@code n} just before {@code anchor} (which must be in the graph). */
  public void insertBefore(Node anchor, Node n) {
    int i = indexOf(anchor);
    graph.nodes().add(i, n);
    index(n);
    names.add(n.name());
  }

  /** Replaces {@code old} by {@code n} at the same position. */
  public void swap(Node old, Node n) {
    graph.nodes().set(indexOf(old), n);
    unindex(old);
    index(n);
    names.add(n.name());
  }

  /**
   * Makes every reader of {@code old} read {@code replacement} instead, including nodes inside
   * subgraphs. When {@code old} is an output of this graph its {@link Value} must stay, so instead
   * the producer of {@code replacement} is rebuilt to write {@code old}, and readers of {@code
   * replacement} read {@code old}.
   *
   * @return false (and nothing changed) when that is impossible: {@code old} is a graph output and
   *     {@code replacement} is not produced by a node of this graph, or is itself a graph input or
   *     output
   */
  public boolean replaceAllUses(Value old, Value replacement) {
    if (old == replacement) {
      return true;
    }
    if (isGraphOutput(old)) {
      Node p = producers.get(replacement);
      if (p == null || isGraphOutput(replacement) || graphInputs.contains(replacement)
          || graphInputs.contains(old)) {
        return false;
      }
      List<Value> outs = new ArrayList<>(p.outputs());
      outs.replaceAll(v -> v == replacement ? old : v);
      // old's own producer (if any) must be gone before p takes over its output
      Node oldProducer = producers.get(old);
      if (oldProducer != null && oldProducer != p) {
        throw new IllegalStateException("cannot move output '" + old.name() + "' to " + p
            + " while " + oldProducer + " still produces it; remove that node first");
      }
      Node moved = withOutputs(p, outs);
      swap(p, moved);
      rebuilt.put(p, moved);
      old.setType(merged(old.type(), replacement.type()));
      rewire(replacement, old);
      return true;
    }
    rewire(old, replacement);
    return true;
  }

  /**
   * Removes a node that passes {@code in} through unchanged as {@code out}, pointing the readers of
   * {@code out} at {@code in}.
   *
   * @return false (and nothing changed) when {@code out} is a graph output that cannot be moved
   *     (see {@link #replaceAllUses}) or another output of the node is still in use
   */
  public boolean bypass(Node n, Value in, Value out) {
    for (Value o : n.outputs()) {
      if (o != null && o != out && !isUnused(o)) {
        return false;
      }
    }
    if (isGraphOutput(out)) {
      Node p = producers.get(in);
      if (p == null || p == n || isGraphOutput(in) || graphInputs.contains(in)) {
        return false;
      }
    }
    remove(n);
    if (!replaceAllUses(out, in)) {
      throw new IllegalStateException("bypass of " + n + " failed after its checks passed");
    }
    return true;
  }

  private static ValueType merged(ValueType a, ValueType b) {
    return a != null ? a : b;
  }

  /** Points every reader of {@code from} at {@code to}. */
  private void rewire(Value from, Value to) {
    for (Node c : new ArrayList<>(consumers(from))) {
      Node copy = c;
      if (c.inputs().contains(from)) {
        List<Value> ins = new ArrayList<>(c.inputs());
        ins.replaceAll(v -> v == from ? to : v);
        copy = withInputs(c, ins);
      }
      for (Attribute a : c.attributes().values()) {
        for (Graph sub : subgraphs(a)) {
          replaceInSubgraph(sub, from, to);
        }
      }
      if (copy != c) {
        swap(c, copy);
        rebuilt.put(c, copy);
      } else {
        // only captured reads changed: the index entry moves, the node stays
        unindex(c);
        index(c);
      }
    }
  }

  private static void replaceInSubgraph(Graph g, Value from, Value to) {
    List<Node> nodes = g.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.inputs().contains(from)) {
        List<Value> ins = new ArrayList<>(n.inputs());
        ins.replaceAll(v -> v == from ? to : v);
        n = withInputs(n, ins);
        nodes.set(i, n);
      }
      for (Attribute a : n.attributes().values()) {
        for (Graph sub : subgraphs(a)) {
          replaceInSubgraph(sub, from, to);
        }
      }
    }
    g.outputs().replaceAll(v -> v == from ? to : v);
  }

  /** The subgraphs an attribute holds (none for other kinds). */
  public static List<Graph> subgraphs(Attribute a) {
    return a.kind() == Attribute.Kind.GRAPH ? List.of(a.graphValue())
        : a.kind() == Attribute.Kind.GRAPHS ? a.graphsValue() : List.of();
  }

  /** Whether a node holds subgraphs (If, Loop, Scan). */
  public static boolean hasSubgraphs(Node n) {
    for (Attribute a : n.attributes().values()) {
      if (!subgraphs(a).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Removes initializers nothing reads (and that are not graph inputs or outputs); returns how many. */
  public int removeUnusedInitializers() {
    int before = graph.initializers().size();
    graph.initializers().removeIf(v -> !graphInputs.contains(v) && isUnused(v));
    return before - graph.initializers().size();
  }

  /** Op types and counts, e.g. {@code Conv=3}, with com.microsoft ops as {@code com.microsoft:FusedConv}. */
  public static Map<String, Integer> histogram(Graph g) {
    Map<String, Integer> h = new LinkedHashMap<>();
    histogram(g, h);
    return h;
  }

  private static void histogram(Graph g, Map<String, Integer> h) {
    for (Node n : g.nodes()) {
      h.merge(n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType(), 1, Integer::sum);
      for (Attribute a : n.attributes().values()) {
        for (Graph sub : subgraphs(a)) {
          histogram(sub, h);
        }
      }
    }
  }

  private int indexOf(Node n) {
    List<Node> list = graph.nodes();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == n) {
        return i;
      }
    }
    throw new IllegalArgumentException(n + " is not in " + graph);
  }

  private void index(Node n) {
    for (Value o : n.outputs()) {
      if (o != null) {
        producers.put(o, n);
        names.add(o.name());
      }
    }
    for (Value in : GraphChecker.readValues(n)) {
      List<Node> c = consumers.computeIfAbsent(in, k -> new ArrayList<>(2));
      if (!containsIdentity(c, n)) {
        c.add(n);
      }
    }
  }

  private void unindex(Node n) {
    for (Value o : n.outputs()) {
      if (o != null && producers.get(o) == n) {
        producers.remove(o);
      }
    }
    for (Value in : GraphChecker.readValues(n)) {
      List<Node> c = consumers.get(in);
      if (c != null) {
        c.removeIf(x -> x == n);
        if (c.isEmpty()) {
          consumers.remove(in);
        }
      }
    }
  }

  private static boolean containsIdentity(List<Node> l, Node n) {
    for (Node x : l) {
      if (x == n) {
        return true;
      }
    }
    return false;
  }
}
