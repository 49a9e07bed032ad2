package dev.vireo.ir;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a model in code: inputs, initializers, nodes and outputs, with generated unique names.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder("mlp", 17);
 * Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(4));
 * Value h = b.op("Relu", b.op("Gemm", List.of(Attribute.of("transB", 1)), x, b.constant("w", w), b.constant("b", bias)));
 * b.output(h);
 * Model m = b.build();
 * }</pre>
 */
public final class GraphBuilder {
  private final Graph graph;
  private final int opset;
  private final Map<String, Integer> opsetImports = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  /**
   * @param opset the ai.onnx opset version nodes are built at
   */
  public GraphBuilder(String name, int opset) {
    this.graph = new Graph(name, null);
    this.opset = opset;
    opsetImports.put(Node.ONNX_DOMAIN, opset);
  }

  /** Declares a graph input. */
  public Value input(String name, DType type, Dim... dims) {
    Value v = new Value(unique(name), new ValueType.TensorType(type, List.of(dims)));
    graph.inputs().add(v);
    return v;
  }

  /** Declares a graph input with known dims. */
  public Value input(String name, DType type, int... dims) {
    Dim[] d = new Dim[dims.length];
    for (int i = 0; i < dims.length; i++) {
      d[i] = Dim.of(dims[i]);
    }
    return input(name, type, d);
  }

  /** Adds an initializer (a constant weight). */
  public Value constant(String name, Tensor value) {
    Value v = new Value(unique(name), null);
    v.setInitializer(value);
    graph.initializers().add(v);
    return v;
  }

  /** Adds a node with one output and no attributes. */
  public Value op(String opType, Value... inputs) {
    return op(opType, List.of(), inputs);
  }

  /** Adds a node with one output. Null inputs are omitted optional inputs. */
  public Value op(String opType, List<Attribute> attributes, Value... inputs) {
    return ops(opType, null, 1, attributes, inputs)[0];
  }

  /** Adds a node with one output of the given name. */
  public Value named(String outputName, String opType, List<Attribute> attributes, Value... inputs) {
    return ops(opType, outputName, 1, attributes, inputs)[0];
  }

  /**
   * Adds a node with several outputs.
   *
   * @param outputName name of the first output, or null to generate one
   */
  public Value[] ops(
      String opType, String outputName, int outputs, List<Attribute> attributes, Value... inputs) {
    String nodeName = unique(opType + "_" + nodes.size());
    List<Value> outs = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      String n = i == 0 && outputName != null ? outputName : nodeName + "_out" + i;
      outs.add(new Value(unique(n), null));
    }
    Map<String, Attribute> attrs = new LinkedHashMap<>();
    for (Attribute a : attributes) {
      attrs.put(a.name(), a);
    }
    List<Value> ins = new ArrayList<>(java.util.Arrays.asList(inputs));
    nodes.add(new Node(nodeName, Node.ONNX_DOMAIN, opType, opset, ins, outs, attrs));
    return outs.toArray(new Value[0]);
  }

  /** Marks a value as a graph output. */
  public GraphBuilder output(Value v) {
    graph.outputs().add(v);
    return this;
  }

  /** Adds a metadata property to the model. */
  public GraphBuilder metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Checks and sorts the graph and wraps it in a model. */
  public Model build() {
    graph.setNodes(nodes);
    GraphChecker.check(graph);
    return new Model(graph, opsetImports, 8, "vireo", "0.1", "", 1, "", metadata, null);
  }

  private String unique(String base) {
    String n = base;
    for (int i = 1; !names.add(n); i++) {
      n = base + "_" + i;
    }
    return n;
  }
}
