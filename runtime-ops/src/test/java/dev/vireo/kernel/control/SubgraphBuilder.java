package dev.vireo.kernel.control;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a subgraph (branch or body) in tests; the main graph's checker validates it. */
final class SubgraphBuilder {
  private final Graph graph;
  private final int opset;
  private final List<Node> nodes = new ArrayList<>();

  SubgraphBuilder(String name, int opset) {
    this.graph = new Graph(name, null);
    this.opset = opset;
  }

  /** An input with no declared type, as bodies often have. */
  Value input(String name) {
    Value v = new Value(graph.name() + "/" + name, null);
    graph.inputs().add(v);
    return v;
  }

  Value constant(String name, Tensor t) {
    Value v = new Value(graph.name() + "/" + name, null);
    v.setInitializer(t);
    graph.initializers().add(v);
    return v;
  }

  Value op(String opType, Value... inputs) {
    return op(opType, List.of(), inputs);
  }

  Value op(String opType, List<Attribute> attributes, Value... inputs) {
    String name = graph.name() + "/" + opType + "_" + nodes.size();
    Value out = new Value(name + "_out", null);
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    attributes.forEach(a -> attrs.put(a.name(), a));
    nodes.add(new Node(name, Node.ONNX_DOMAIN, opType, opset, java.util.Arrays.asList(inputs), List.of(out), attrs));
    return out;
  }

  /** Marks outputs; a value whose type is unknown may be given a static declared tensor type. */
  SubgraphBuilder output(Value... values) {
    graph.outputs().addAll(List.of(values));
    return this;
  }

  static Value declare(Value v, DType t, int... dims) {
    v.setType(ValueType.TensorType.of(t, Shape.of(dims)));
    return v;
  }

  Graph build() {
    graph.setNodes(nodes);
    return graph;
  }
}
