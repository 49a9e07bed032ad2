package dev.vireo.optimize.cleanup;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassContext;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges nodes that compute the same thing: same domain, op type and opset, the very same input
 * values, equal attributes. The later node's readers read the earlier node's outputs. Nodes with
 * subgraphs, random ops and nodes whose outputs are graph outputs are left alone.
 */
public final class CommonSubexpressionElimination implements GraphPass {
  private static final Set<String> NONDETERMINISTIC = Set.of(
      "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial",
      "Bernoulli", "Dropout");
  /** Constant tensors compared element by element at most this large. */
  private static final int MAX_COMPARED_ELEMENTS = 1 << 12;

  @Override
  public String name() {
    return "common-subexpression-elimination";
  }

  @Override
  public OptimizationLevel level() {
    return OptimizationLevel.BASIC;
  }

  /** A node's identity for hashing: its op and inputs (attributes are compared on collision). */
  private record Key(String domain, String opType, int opset, List<Integer> inputs) {}

  @Override
  public int apply(Graph graph, PassContext ctx) {
    GraphEditor ed = new GraphEditor(graph);
    Map<Value, Integer> ids = new java.util.IdentityHashMap<>();
    Map<Key, List<Node>> seen = new HashMap<>();
    int merged = 0;
    for (Node s : ed.snapshot()) {
      Node n = ed.current(s);
      if (n == null) {
        continue;
      }
      if (NONDETERMINISTIC.contains(n.opType()) || GraphEditor.hasSubgraphs(n) || n.outputs().isEmpty()) {
        continue;
      }
      List<Integer> in = new ArrayList<>();
      for (Value v : n.inputs()) {
        in.add(v == null ? -1 : ids.computeIfAbsent(v, k -> ids.size()));
      }
      Key key = new Key(n.domain(), n.opType(), n.opset(), in);
      List<Node> candidates = seen.computeIfAbsent(key, k -> new ArrayList<>());
      Node same = null;
      for (Node c : candidates) {
        if (c.outputs().size() == n.outputs().size() && sameAttributes(c, n)) {
          same = c;
          break;
        }
      }
      if (same == null || !canMerge(ed, same, n)) {
        candidates.add(n);
        continue;
      }
      ed.remove(n);
      for (int k = 0; k < n.outputs().size(); k++) {
        Value o = n.output(k);
        if (o != null) {
          ed.replaceAllUses(o, same.output(k));
        }
      }
      merged++;
    }
    return merged;
  }

  private static boolean canMerge(GraphEditor ed, Node kept, Node dup) {
    for (int k = 0; k < dup.outputs().size(); k++) {
      Value o = dup.output(k);
      if (o == null) {
        continue;
      }
      if (ed.isGraphOutput(o) || kept.output(k) == null) {
        return false;
      }
    }
    return true;
  }

  static boolean sameAttributes(Node a, Node b) {
    if (!a.attributes().keySet().equals(b.attributes().keySet())) {
      return false;
    }
    for (Map.Entry<String, Attribute> e : a.attributes().entrySet()) {
      if (!sameValue(e.getValue(), b.attr(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(Attribute x, Attribute y) {
    if (x.kind() != y.kind()) {
      return false;
    }
    return switch (x.kind()) {
      case FLOATS -> Arrays.equals(x.floatsValue(), y.floatsValue());
      case INTS -> Arrays.equals(x.intsValue(), y.intsValue());
      case TENSOR -> sameTensor(x.tensorValue(), y.tensorValue());
      case FLOAT, INT, STRING, STRINGS -> Objects.equals(x.value(), y.value());
      default -> false;
    };
  }

  private static boolean sameTensor(Tensor a, Tensor b) {
    if (a == b) {
      return true;
    }
    if (a.dtype() != b.dtype() || !a.shape().equals(b.shape()) || a.size() > MAX_COMPARED_ELEMENTS) {
      return false;
    }
    return Objects.deepEquals(a.data(), b.data());
  }
}
