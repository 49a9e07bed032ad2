package dev.vireo.exec;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.error.UnsupportedOperatorException;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph resolved for execution, built once at load: every value has a slot, every node its
 * kernel and its input and output slots, constants are in place, and each step knows which
 * slots die after it (so their tensors can be released, and later reused).
 */
public final class ExecutionPlan {
  /** One node to run. */
  record Step(Node node, Kernel kernel, int[] inputs, int[] outputs, int[] releaseAfter) {}

  private final Graph graph;
  private final Step[] steps;
  private final Object[] constants;
  private final Map<Value, Integer> slots;
  private final int[] outputSlots;
  /** Per slot: whether a step writes it (as opposed to a constant or a fed input). */
  private final boolean[] produced;

  private ExecutionPlan(Graph graph, Step[] steps, Object[] constants, Map<Value, Integer> slots,
      int[] outputSlots, boolean[] produced) {
    this.produced = produced;
    this.graph = graph;
    this.steps = steps;
    this.constants = constants;
    this.slots = slots;
    this.outputSlots = outputSlots;
  }

  /**
   * Resolves the kernels of a checked, sorted graph.
   *
   * @param outerSlots for a subgraph: values of enclosing graphs it reads, which the caller
   *     passes in as extra inputs; empty for a main graph
   * @throws UnsupportedOperatorException listing every (domain, op, opset) without a kernel,
   *     including those inside subgraphs
   * @throws ModelLoadException when a kernel rejects a node's attributes
   */
  public static ExecutionPlan build(Graph graph, KernelRegistry registry, List<Value> outerSlots) {
    Map<String, UnsupportedOperatorException.Missing> missing = new LinkedHashMap<>();
    collectMissing(graph, registry, missing);
    if (!missing.isEmpty()) {
      throw new UnsupportedOperatorException(new ArrayList<>(missing.values()));
    }
    Map<Value, Integer> slots = new IdentityHashMap<>();
    List<Object> constants = new ArrayList<>();
    for (Value v : outerSlots) {
      slotOf(slots, constants, v);
    }
    for (Value v : graph.inputs()) {
      slotOf(slots, constants, v);
    }
    for (Value v : graph.initializers()) {
      int s = slotOf(slots, constants, v);
      constants.set(s, v.initializer());
    }
    List<Node> nodes = graph.nodes();
    Step[] steps = new Step[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      List<Value> captured = capturedValues(n);
      int[] in = new int[n.inputs().size() + captured.size()];
      for (int k = 0; k < n.inputs().size(); k++) {
        Value v = n.inputs().get(k);
        in[k] = v == null ? -1 : slotOf(slots, constants, v);
      }
      for (int k = 0; k < captured.size(); k++) {
        in[n.inputs().size() + k] = slotOf(slots, constants, captured.get(k));
      }
      int[] out = new int[n.outputs().size()];
      for (int k = 0; k < out.length; k++) {
        Value v = n.outputs().get(k);
        out[k] = v == null ? -1 : slotOf(slots, constants, v);
      }
      Kernel kernel;
      try {
        kernel = registry.find(n.domain(), n.opType(), n.opset(), k -> elemType(n, k))
            .registration().factory().create(n);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ModelLoadException(Phase.PLAN, n.context(), e.getMessage(), e);
      }
      steps[i] = new Step(n, kernel, in, out, null);
    }
    int[] lastUse = new int[slots.size()];
    java.util.Arrays.fill(lastUse, -1);
    for (int i = 0; i < steps.length; i++) {
      for (int s : steps[i].inputs()) {
        if (s >= 0) {
          lastUse[s] = i;
        }
      }
    }
    int[] outputSlots = new int[graph.outputs().size()];
    for (int k = 0; k < outputSlots.length; k++) {
      outputSlots[k] = slotOf(slots, constants, graph.outputs().get(k));
    }
    boolean[] keep = new boolean[slots.size()];
    for (int s : outputSlots) {
      keep[s] = true;
    }
    List<List<Integer>> release = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      release.add(new ArrayList<>());
    }
    boolean[] produced = new boolean[slots.size()];
    int[] producer = new int[slots.size()];
    for (int i = 0; i < steps.length; i++) {
      for (int s : steps[i].outputs()) {
        if (s >= 0) {
          produced[s] = true;
          producer[s] = i;
        }
      }
    }
    for (int s = 0; s < lastUse.length; s++) {
      if (keep[s] || constants.get(s) != null) {
        continue;
      }
      if (lastUse[s] >= 0) {
        release.get(lastUse[s]).add(s);
      } else if (produced[s]) {
        // an output nobody reads dies as soon as it is made
        release.get(producer[s]).add(s);
      }
    }
    for (int i = 0; i < steps.length; i++) {
      Step st = steps[i];
      steps[i] = new Step(st.node(), st.kernel(), st.inputs(), st.outputs(),
          release.get(i).stream().mapToInt(Integer::intValue).toArray());
    }
    return new ExecutionPlan(
        graph, steps, constants.toArray(), slots, outputSlots, produced);
  }

  /**
   * The outer-scope values a node's subgraphs read, in a fixed order (attribute order, then first
   * use): the executor passes them to the node's kernel after its declared inputs.
   */
  public static List<Value> capturedValues(Node n) {
    java.util.LinkedHashSet<Value> captured = new java.util.LinkedHashSet<>();
    for (Attribute a : n.attributes().values()) {
      if (a.kind() == Attribute.Kind.GRAPH) {
        captured.addAll(GraphChecker.capturedValues(a.graphValue()));
      } else if (a.kind() == Attribute.Kind.GRAPHS) {
        for (Graph g : a.graphsValue()) {
          captured.addAll(GraphChecker.capturedValues(g));
        }
      }
    }
    return new ArrayList<>(captured);
  }

  private static DType elemType(Node n, int input) {
    Value v = n.input(input);
    return v != null && v.type() instanceof ValueType.TensorType t ? t.elemType() : null;
  }

  private static void collectMissing(
      Graph graph, KernelRegistry registry, Map<String, UnsupportedOperatorException.Missing> missing) {
    for (Node n : graph.nodes()) {
      KernelRegistry.Lookup l = registry.find(n.domain(), n.opType(), n.opset(), k -> elemType(n, k));
      if (l.registration() == null) {
        String key = n.domain() + "/" + n.opType() + "/" + n.opset() + "/" + l.missingDetail();
        missing.computeIfAbsent(key, k -> new UnsupportedOperatorException.Missing(
            n.domainLabel(), n.opType(), n.opset(), l.missingDetail(), new ArrayList<>()))
            .nodes().add(n.name());
      }
      for (Attribute a : n.attributes().values()) {
        if (a.kind() == Attribute.Kind.GRAPH) {
          collectMissing(a.graphValue(), registry, missing);
        } else if (a.kind() == Attribute.Kind.GRAPHS) {
          for (Graph g : a.graphsValue()) {
            collectMissing(g, registry, missing);
          }
        }
      }
    }
  }

  private static int slotOf(Map<Value, Integer> slots, List<Object> constants, Value v) {
    Integer s = slots.get(v);
    if (s == null) {
      s = slots.size();
      slots.put(v, s);
      constants.add(null);
    }
    return s;
  }

  public Graph graph() {
    return graph;
  }

  Step[] steps() {
    return steps;
  }

  /** A fresh environment: one entry per slot, constants filled in. */
  Object[] newEnvironment() {
    return constants.clone();
  }

  /** The slot of a value, or -1. */
  int slot(Value v) {
    Integer s = slots.get(v);
    return s == null ? -1 : s;
  }

  int[] outputSlots() {
    return outputSlots;
  }

  /** Whether a step writes the slot (its value is made during the run, not fed or constant). */
  boolean produced(int slot) {
    return produced[slot];
  }

  /** Number of nodes. */
  public int size() {
    return steps.length;
  }
}
