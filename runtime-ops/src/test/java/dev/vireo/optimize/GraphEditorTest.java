package dev.vireo.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphEditorTest {
  @Test
  void replaceAllUsesRebuildsReaders() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    Value a = b.op("Relu", x);
    Value c = b.op("Neg", a);
    Value d = b.op("Abs", x);
    b.output(b.op("Add", c, a));
    b.output(d);
    Graph g = b.build().graph();
    GraphEditor ed = new GraphEditor(g);
    assertThat(ed.consumers(a)).extracting(Node::opType).containsExactly("Neg", "Add");

    assertThat(ed.replaceAllUses(a, d)).isTrue();

    assertThat(ed.consumers(a)).isEmpty();
    assertThat(ed.consumers(d)).extracting(Node::opType).containsExactlyInAnyOrder("Neg", "Add");
    Node neg = ed.producer(c);
    assertThat(neg.inputs()).containsExactly(d);
    assertThat(g.nodes()).contains(neg);
    assertThat(g.nodes()).hasSize(4);
  }

  @Test
  void replacingAGraphOutputMovesItToTheReplacementsProducer() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    Value r = b.op("Relu", x);
    Value y = b.named("y", "Identity", List.of(), r);
    Value z = b.op("Neg", r);
    b.output(y).output(z);
    Model m = b.build();
    Graph g = m.graph();
    GraphEditor ed = new GraphEditor(g);

    ed.remove(ed.producer(y));
    assertThat(ed.replaceAllUses(y, r)).isTrue();

    assertThat(g.outputs().get(0)).isSameAs(y);
    assertThat(ed.producer(y).opType()).isEqualTo("Relu");
    assertThat(ed.producer(z).inputs()).containsExactly(y);
    assertThat(g.nodes()).extracting(Node::opType).containsExactly("Relu", "Neg");
  }

  @Test
  void aGraphInputCannotReplaceAGraphOutput() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    Value y = b.named("y", "Identity", List.of(), x);
    b.output(y);
    GraphEditor ed = new GraphEditor(b.build().graph());
    Node id = ed.producer(y);
    ed.remove(id);

    assertThat(ed.replaceAllUses(y, x)).isFalse();
  }

  @Test
  void uniqueNamesAvoidExistingOnes() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    b.output(b.named("y", "Relu", List.of(), x));
    GraphEditor ed = new GraphEditor(b.build().graph());
    assertThat(ed.uniqueName("y")).isEqualTo("y_1");
    assertThat(ed.uniqueName("y")).isEqualTo("y_2");
    assertThat(ed.uniqueName("w")).isEqualTo("w");
  }

  @Test
  void newNamesAvoidNamesInsideSubgraphs() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    Value c = b.input("c", DType.BOOL, new Dim[0]);
    Graph branch = new Graph("branch", null);
    Value inner = new Value("inner", null);
    branch.setNodes(List.of(new Node("neg", "", "Neg", 17, List.of(x), List.of(inner), java.util.Map.of())));
    branch.outputs().add(inner);
    b.output(b.named("y", "If", List.of(dev.vireo.ir.Attribute.of("then_branch", branch),
        dev.vireo.ir.Attribute.of("else_branch", branch)), c));
    Graph g = b.build().graph();
    assertThat(new GraphEditor(g).uniqueName("inner")).isEqualTo("inner_1");
  }
}
