package dev.vireo.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.error.ModelLoadException;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCheckerTest {
  private static Value v(String name) {
    return new Value(name, null);
  }

  private static Node node(String name, List<Value> in, List<Value> out) {
    return new Node(name, "", "Op", 13, in, out, Map.of());
  }

  @Test
  void sortsNodesTopologicallyKeepingOrderOtherwise() {
    Graph g = new Graph("g", null);
    Value x = v("x");
    g.inputs().add(x);
    Value a = v("a");
    Value b = v("b");
    Value c = v("c");
    Node n3 = node("n3", List.of(b), List.of(c));
    Node n1 = node("n1", List.of(x), List.of(a));
    Node n2 = node("n2", List.of(a), List.of(b));
    g.setNodes(List.of(n3, n1, n2));
    g.outputs().add(c);
    GraphChecker.check(g);
    assertThat(g.nodes()).extracting(Node::name).containsExactly("n1", "n2", "n3");
  }

  @Test
  void rejectsCycles() {
    Graph g = new Graph("g", null);
    Value a = v("a");
    Value b = v("b");
    g.setNodes(List.of(node("n1", List.of(b), List.of(a)), node("n2", List.of(a), List.of(b))));
    assertThatThrownBy(() -> GraphChecker.check(g))
        .isInstanceOf(ModelLoadException.class)
        .hasMessage("[validate] Op 'n1' (ai.onnx opset 13): the graph has a cycle through this node");
  }

  @Test
  void rejectsUndefinedInputsAndDuplicateOutputs() {
    Graph g = new Graph("g", null);
    g.setNodes(List.of(node("n1", List.of(v("ghost")), List.of(v("a")))));
    assertThatThrownBy(() -> GraphChecker.check(g))
        .hasMessage("[validate] Op 'n1' (ai.onnx opset 13): input 'ghost' is not defined");

    Graph g2 = new Graph("g2", null);
    Value x = v("x");
    g2.inputs().add(x);
    g2.setNodes(List.of(node("n1", List.of(x), List.of(v("a"))), node("n2", List.of(x), List.of(v("a")))));
    assertThatThrownBy(() -> GraphChecker.check(g2))
        .hasMessageContaining("'n2'").hasMessageContaining("output 'a' is already defined");
  }

  @Test
  void subgraphsSeeOuterValuesAndOrderTheirOwnerAfterThem() {
    Graph g = new Graph("g", null);
    Value x = v("x");
    g.inputs().add(x);
    Value outer = v("outer");
    Graph body = new Graph("body", g);
    Value inner = v("inner");
    body.setNodes(List.of(node("b1", List.of(outer), List.of(inner))));
    body.outputs().add(inner);
    Value y = v("y");
    Node ifNode = new Node("if", "", "If", 13, List.of(x), List.of(y),
        Map.of("then_branch", Attribute.of("then_branch", body)));
    Node producer = node("p", List.of(x), List.of(outer));
    g.setNodes(new ArrayList<>(List.of(ifNode, producer)));
    g.outputs().add(y);
    GraphChecker.check(g);
    assertThat(g.nodes()).extracting(Node::name).containsExactly("p", "if");
    assertThat(GraphChecker.capturedValues(body)).containsExactly(outer);
  }

  @Test
  void deepChainDoesNotOverflowTheStack() {
    Graph g = new Graph("g", null);
    Value prev = new Value("x", new ValueType.TensorType(DType.FLOAT, null));
    g.inputs().add(prev);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      Value next = v("v" + i);
      nodes.add(node("n" + i, List.of(prev), List.of(next)));
      prev = next;
    }
    java.util.Collections.reverse(nodes);
    g.setNodes(nodes);
    g.outputs().add(prev);
    GraphChecker.check(g);
    assertThat(g.nodes().get(0).name()).isEqualTo("n0");
  }
}
