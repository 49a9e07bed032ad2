package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.intAttr;
import static dev.vireo.onnx.load.Protos.node;
import static dev.vireo.onnx.load.Protos.opset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.FunctionProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionInlinerTest {
  @TempDir Path dir;

  private static AttributeProto ref(String name, String refName) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setRefAttrName(refName).build();
  }

  private static NodeProto call(String name, String fn, List<String> in, List<String> out, AttributeProto... attrs) {
    return node(name, fn, in, out, attrs).toBuilder().setDomain("local").build();
  }

  /** local.Scale(x) -> y: t = Relu(x); y = Softmax(t, axis=@axis); also Flatten(t, axis=@missing). */
  private static FunctionProto scale() {
    return FunctionProto.newBuilder().setName("Scale").setDomain("local")
        .addInput("x").addOutput("y").addAttribute("axis").addAttribute("missing")
        .addAttributeProto(intAttr("axis", 1))
        .addOpsetImport(opset("", 13))
        .addNode(node("Relu", List.of("x"), List.of("t")))
        .addNode(node("sm", "Softmax", List.of("t"), List.of("y"), ref("axis", "axis")))
        .addNode(node("Flatten", List.of("t"), List.of("unused"), ref("axis", "missing")))
        .build();
  }

  private Graph load(ModelProto.Builder m) {
    return OnnxLoader.load(Protos.write(dir.resolve("f.onnx"), m.build())).graph();
  }

  private static ModelProto.Builder modelWith(GraphProto g, FunctionProto... fs) {
    return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(opset("", 17))
        .addOpsetImport(opset("local", 1)).addAllFunctions(List.of(fs)).setGraph(g);
  }

  @Test
  void expandsCallsWithRenamingAttributesAndOpsets() {
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("in"))
        .addNode(call("c1", "Scale", List.of("in"), List.of("a"), intAttr("axis", -1)))
        .addNode(call("", "Scale", List.of("a"), List.of("b")))
        .addOutput(f32("b"))
        .build();
    Graph graph = load(modelWith(g, scale()));
    assertThat(graph.nodes()).extracting(Node::name).containsExactly(
        "c1/Relu_0", "c1/sm", "c1/Flatten_2", "Scale_1/Relu_0", "Scale_1/sm", "Scale_1/Flatten_2");
    Node relu1 = graph.nodes().get(0);
    Node sm1 = graph.nodes().get(1);
    Node flat1 = graph.nodes().get(2);
    Node relu2 = graph.nodes().get(3);
    Node sm2 = graph.nodes().get(4);
    assertThat(relu1.input(0)).isSameAs(graph.inputs().get(0));
    assertThat(relu1.output(0).name()).isEqualTo("c1/t");
    assertThat(sm1.output(0).name()).isEqualTo("a");
    assertThat(relu2.input(0)).isSameAs(sm1.output(0));
    assertThat(graph.outputs()).containsExactly(sm2.output(0));
    // The function's opset import (13) applies to its body, not the model's (17).
    assertThat(relu1.opset()).isEqualTo(13);
    // ref_attr_name: the caller's value, else the function default, else dropped.
    assertThat(sm1.attrInt("axis", 99)).isEqualTo(-1);
    assertThat(sm2.attrInt("axis", 99)).isEqualTo(1);
    assertThat(flat1.hasAttr("axis")).isFalse();
  }

  @Test
  void nestedCallsAndOmittedOptionalOutputs() {
    FunctionProto outer = FunctionProto.newBuilder().setName("Outer").setDomain("local")
        .addInput("p").addOutput("q").addOutput("extra")
        .addNode(call("inner", "Scale", List.of("p"), List.of("q"), intAttr("axis", 0)))
        .addNode(node("Identity", List.of("p"), List.of("extra")))
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("in"))
        .addNode(call("o", "Outer", List.of("in"), List.of("r", "")))
        .addOutput(f32("r"))
        .build();
    Graph graph = load(modelWith(g, scale(), outer));
    assertThat(graph.nodes()).extracting(Node::name).containsExactly(
        "o/inner/Relu_0", "o/inner/sm", "o/inner/Flatten_2", "o/Identity_1");
    assertThat(graph.nodes().get(1).attrInt("axis", 9)).isZero();
    assertThat(graph.nodes().get(1).output(0)).isSameAs(graph.outputs().get(0));
    // Outer has no opset_import: its body falls back to the model's.
    assertThat(graph.nodes().get(3).opset()).isEqualTo(17);
    assertThat(graph.nodes().get(3).outputs()).containsExactly((Value) null);
    assertThat(graph.nodes().get(0).opset()).isEqualTo(13);
  }

  @Test
  void subgraphsInsideFunctionBodiesAreRenamedToo() {
    GraphProto branch = GraphProto.newBuilder()
        .addNode(node("Neg", List.of("h"), List.of("hb")))
        .addOutput(f32("hb"))
        .build();
    AttributeProto thenA = AttributeProto.newBuilder().setName("then_branch").setType(AttributeType.GRAPH).setG(branch).build();
    AttributeProto elseA = thenA.toBuilder().setName("else_branch").build();
    FunctionProto f = FunctionProto.newBuilder().setName("Cond").setDomain("local")
        .addInput("c").addInput("v").addOutput("out")
        .addNode(node("Relu", List.of("v"), List.of("h")))
        .addNode(node("If", List.of("c"), List.of("out"), thenA, elseA))
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(Protos.info("cond", Protos.tensorType(9)))
        .addInput(f32("h")) // same name as the function's internal value: must not be captured
        .addNode(call("k", "Cond", List.of("cond", "h"), List.of("y")))
        .addOutput(f32("y"))
        .build();
    Graph graph = load(modelWith(g, f));
    Node relu = graph.nodes().get(0);
    assertThat(relu.input(0)).isSameAs(graph.inputs().get(1));
    Node neg = graph.nodes().get(1).attrGraph("then_branch").nodes().get(0);
    assertThat(neg.input(0)).isSameAs(relu.output(0));
    assertThat(neg.output(0).name()).isEqualTo("k/hb");
  }

  @Test
  void recursionIsDetected() {
    FunctionProto a = FunctionProto.newBuilder().setName("A").setDomain("local")
        .addInput("x").addOutput("y").addNode(call("", "B", List.of("x"), List.of("y"))).build();
    FunctionProto b = FunctionProto.newBuilder().setName("B").setDomain("local")
        .addInput("x").addOutput("y").addNode(call("", "A", List.of("x"), List.of("y"))).build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("in"))
        .addNode(call("c", "A", List.of("in"), List.of("out")))
        .addOutput(f32("out"))
        .build();
    assertThatThrownBy(() -> load(modelWith(g, a, b)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("calls itself")
        .hasMessageContaining("local::A:: -> local::B:: -> local::A::");
  }

  @Test
  void exponentialExpansionIsBounded() {
    // F0 = Relu; Fk calls F(k-1) four times: F12 would expand to 4^12 = 16.7 million nodes.
    List<FunctionProto> fs = new java.util.ArrayList<>();
    fs.add(FunctionProto.newBuilder().setName("F0").setDomain("local").addInput("x").addOutput("y")
        .addNode(node("Relu", List.of("x"), List.of("y"))).build());
    for (int k = 1; k <= 12; k++) {
      FunctionProto.Builder f = FunctionProto.newBuilder().setName("F" + k).setDomain("local").addInput("x").addOutput("y");
      String prev = "x";
      for (int j = 0; j < 4; j++) {
        String out = j == 3 ? "y" : "t" + j;
        f.addNode(call("", "F" + (k - 1), List.of(prev), List.of(out)));
        prev = out;
      }
      fs.add(f.build());
    }
    FunctionInliner inliner = new FunctionInliner(fs, Map.of("", 17, "local", 1), 1000);
    NodeProto c = call("c", "F12", List.of("in"), List.of("out"));
    assertThatThrownBy(() -> inliner.expand(List.of(c), Map.of("", 17)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("more than 1000 nodes");
    // F4 expands to 4^4 = 256 nodes: within the bound
    NodeProto c4 = call("c", "F4", List.of("in"), List.of("out"));
    assertThat(new FunctionInliner(fs, Map.of("", 17, "local", 1), 1000).expand(List.of(c4), Map.of("", 17)))
        .hasSize(256)
        .allSatisfy(e -> assertThat(e.node().getOpType()).isEqualTo("Relu"));
  }

  @Test
  void tooManyArgumentsIsAnError() {
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("in"))
        .addNode(call("c", "Scale", List.of("in", "in"), List.of("out")))
        .addOutput(f32("out"))
        .build();
    assertThatThrownBy(() -> load(modelWith(g, scale())))
        .hasMessageContaining("takes 1 inputs and 1 outputs, the call has 2 and 1");
  }
}
