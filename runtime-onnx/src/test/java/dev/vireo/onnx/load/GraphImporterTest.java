package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.model;
import static dev.vireo.onnx.load.Protos.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subgraphs: outer-scope references, shadowing, nesting. */
class GraphImporterTest {
  @TempDir Path dir;

  private static AttributeProto graphAttr(String name, GraphProto g) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.GRAPH).setG(g).build();
  }

  private Graph load(ModelProto m) {
    return OnnxLoader.load(Protos.write(dir.resolve("g.onnx"), m)).graph();
  }

  @Test
  void subgraphsReadOuterValuesAsTheSameValueObjects() {
    // then: uses outer "a" (produced after the If in file order) and outer input "x"
    GraphProto thenG = GraphProto.newBuilder().setName("then")
        .addNode(node("Add", List.of("a", "x"), List.of("t")))
        .addOutput(f32("t"))
        .build();
    // else: shadows "a" with a local value and returns outer "x" directly
    GraphProto elseG = GraphProto.newBuilder().setName("else")
        .addNode(node("Neg", List.of("x"), List.of("a")))
        .addNode(node("Identity", List.of("a"), List.of("e")))
        .addOutput(f32("e"))
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("x"))
        .addInput(Protos.info("cond", Protos.tensorType(9)))
        .addNode(node("if", "If", List.of("cond"), List.of("y"),
            graphAttr("then_branch", thenG), graphAttr("else_branch", elseG)))
        .addNode(node("relu", "Relu", List.of("x"), List.of("a")))
        .addOutput(f32("y"))
        .build();
    Graph graph = load(model(g));
    assertThat(graph.nodes()).extracting(Node::name).containsExactly("relu", "if");
    Node relu = graph.nodes().get(0);
    Node ifNode = graph.nodes().get(1);
    Value x = graph.inputs().get(0);

    Graph then = ifNode.attrGraph("then_branch");
    assertThat(then.parent()).isSameAs(graph);
    Node add = then.nodes().get(0);
    assertThat(add.input(0)).isSameAs(relu.output(0));
    assertThat(add.input(1)).isSameAs(x);
    assertThat(add.opset()).isEqualTo(17);

    Graph els = ifNode.attrGraph("else_branch");
    Value localA = els.nodes().get(0).output(0);
    assertThat(localA).isNotSameAs(relu.output(0));
    assertThat(els.nodes().get(1).input(0)).isSameAs(localA);
  }

  @Test
  void loopBodyInputsShadowOuterNamesAndNestedSubgraphsSeeAllScopes() {
    GraphProto inner = GraphProto.newBuilder().setName("inner")
        .addNode(node("Mul", List.of("v", "w"), List.of("iv")))
        .addOutput(f32("iv"))
        .build();
    GraphProto body = GraphProto.newBuilder().setName("body")
        .addInput(Protos.info("i", Protos.tensorType(7)))
        .addInput(Protos.info("c", Protos.tensorType(9)))
        .addInput(f32("v")) // shadows the outer "v"
        .addNode(node("Identity", List.of("c"), List.of("c_out")))
        .addNode(node("If", List.of("c"), List.of("v_out"),
            graphAttr("then_branch", inner), graphAttr("else_branch", inner)))
        .addOutput(Protos.info("c_out", Protos.tensorType(9)))
        .addOutput(f32("v_out"))
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(Protos.info("n", Protos.tensorType(7)))
        .addInput(Protos.info("c0", Protos.tensorType(9)))
        .addInput(f32("v"))
        .addInput(f32("w"))
        .addNode(node("loop", "Loop", List.of("n", "c0", "v"), List.of("vf"), graphAttr("body", body)))
        .addOutput(f32("vf"))
        .build();
    Graph graph = load(model(g));
    Graph b = graph.nodes().get(0).attrGraph("body");
    Value bodyV = b.inputs().get(2);
    assertThat(bodyV).isNotSameAs(graph.inputs().get(2));
    Graph innerG = b.nodes().get(1).attrGraph("then_branch");
    assertThat(innerG.parent()).isSameAs(b);
    Node mul = innerG.nodes().get(0);
    assertThat(mul.input(0)).isSameAs(bodyV);
    assertThat(mul.input(1)).isSameAs(graph.inputs().get(3));
  }

  @Test
  void subgraphReadingAnUndefinedNameFails() {
    GraphProto thenG = GraphProto.newBuilder()
        .addNode(node("inner", "Neg", List.of("nowhere"), List.of("t")))
        .addOutput(f32("t"))
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(Protos.info("cond", Protos.tensorType(9)))
        .addNode(node("If", List.of("cond"), List.of("y"), graphAttr("then_branch", thenG), graphAttr("else_branch", thenG)))
        .addOutput(f32("y"))
        .build();
    assertThatThrownBy(() -> load(model(g)))
        .hasMessageContaining("Neg 'inner'")
        .hasMessageContaining("input 'nowhere' is not defined");
  }
}
