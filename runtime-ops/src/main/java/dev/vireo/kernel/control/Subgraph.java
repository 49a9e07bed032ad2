package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.exec.ExecutionPlan;
import dev.vireo.exec.Executor;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A subgraph attribute (If branch, Loop or Scan body) planned once for its node.
 *
 * <p>The node's kernel receives its declared inputs followed by the outer-scope values of all
 * its subgraphs ({@link ExecutionPlan#capturedValues(Node)}); this class picks out, by value
 * identity, the ones this subgraph reads and feeds them before the subgraph's own inputs.
 */
final class Subgraph {
  private final Node node;
  private final Graph graph;
  private final ExecutionPlan plan;
  private final List<Value> feedValues;
  /** For each captured value of this subgraph, its position among the kernel's inputs. */
  private final int[] capturedArgs;

  /**
   * @throws IllegalArgumentException when the node lacks the graph attribute
   */
  Subgraph(Node node, String attribute, KernelRegistry registry) {
    this.node = node;
    this.graph = node.attrGraph(attribute);
    if (graph == null) {
      throw new IllegalArgumentException("missing graph attribute '" + attribute + "'");
    }
    List<Value> captured = GraphChecker.capturedValues(graph);
    List<Value> nodeCaptured = ExecutionPlan.capturedValues(node);
    capturedArgs = new int[captured.size()];
    for (int i = 0; i < captured.size(); i++) {
      int k = indexOf(nodeCaptured, captured.get(i));
      if (k < 0) {
        throw new IllegalStateException("outer value '" + captured.get(i).name() + "' of subgraph '"
            + graph.name() + "' is not among the node's captured values");
      }
      capturedArgs[i] = node.inputs().size() + k;
    }
    this.plan = ExecutionPlan.build(graph, registry, captured);
    this.feedValues = new ArrayList<>(captured);
    feedValues.addAll(graph.inputs());
  }

  private static int indexOf(List<Value> values, Value v) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == v) {
        return i;
      }
    }
    return -1;
  }

  Graph graph() {
    return graph;
  }

  int inputCount() {
    return graph.inputs().size();
  }

  int outputCount() {
    return graph.outputs().size();
  }

  /**
   * Runs the subgraph once.
   *
   * @param kernelInputs everything the node's kernel received (declared inputs, then captured)
   * @param graphInputs one value per subgraph input
   * @return one value per subgraph output
   */
  Object[] run(Object[] kernelInputs, Object[] graphInputs, ExecContext ctx) {
    if (graphInputs.length != graph.inputs().size()) {
      throw new IllegalArgumentException("subgraph '" + graph.name() + "' of " + node.opType() + " takes "
          + graph.inputs().size() + " inputs, " + graphInputs.length + " are available");
    }
    Object[] feeds = new Object[feedValues.size()];
    for (int i = 0; i < capturedArgs.length; i++) {
      feeds[i] = kernelInputs[capturedArgs[i]];
    }
    System.arraycopy(graphInputs, 0, feeds, capturedArgs.length, graphInputs.length);
    Object[] out = Executor.run(plan, feedValues, feeds, ctx);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new IllegalArgumentException("subgraph '" + graph.name() + "' output '"
            + graph.outputs().get(i).name() + "' has no value");
      }
    }
    return out;
  }

  /** The value as a tensor, or an error naming what it is. */
  static Tensor tensor(Object v, String what) {
    if (v instanceof Tensor t) {
      return t;
    }
    throw new IllegalArgumentException(what + " must be a tensor, got " + OptionalValue.describe(v));
  }
}
