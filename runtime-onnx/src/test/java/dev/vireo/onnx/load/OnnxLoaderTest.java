package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.info;
import static dev.vireo.onnx.load.Protos.model;
import static dev.vireo.onnx.load.Protos.node;
import static dev.vireo.onnx.load.Protos.opset;
import static dev.vireo.onnx.load.Protos.tensorType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.StringStringEntryProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxLoaderTest {
  @TempDir Path dir;

  private Model load(ModelProto m) {
    return OnnxLoader.load(Protos.write(dir.resolve("m.onnx"), m));
  }

  @Test
  void importsNodesValuesAndModelFields() {
    // Nodes out of order: the loader sorts them. "w" is an overridable initializer, "b" a constant.
    GraphProto g = GraphProto.newBuilder().setName("main")
        .addInput(f32("x", "batch", 3L))
        .addInput(f32("w", 3L))
        .addInitializer(TensorEncoder.encode(Tensor.of(new float[] {1, 2, 3}, 3), "w"))
        .addInitializer(TensorEncoder.encode(Tensor.of(new float[] {0.5f, 0.5f, 0.5f}, 3), "b"))
        .addNode(node("Add", List.of("t", "b"), List.of("y")))
        .addNode(node("mul", "Mul", List.of("x", "w"), List.of("t")))
        .addNode(node("Clip", List.of("y", "", "b"), List.of("z")))
        .addValueInfo(f32("t", "batch", 3L))
        .addOutput(f32("z", "batch", 3L))
        .build();
    ModelProto m = model(g).toBuilder()
        .setProducerName("test").setProducerVersion("1.2").setDomain("dev.test")
        .setModelVersion(7).setDocString("doc")
        .addOpsetImport(opset("com.microsoft", 1))
        .addMetadataProps(StringStringEntryProto.newBuilder().setKey("k").setValue("v"))
        .build();
    Path file = Protos.write(dir.resolve("m.onnx"), m);
    Model model = OnnxLoader.load(file);

    assertThat(model.source()).isEqualTo(file);
    assertThat(model.producerName()).isEqualTo("test");
    assertThat(model.producerVersion()).isEqualTo("1.2");
    assertThat(model.domain()).isEqualTo("dev.test");
    assertThat(model.modelVersion()).isEqualTo(7);
    assertThat(model.docString()).isEqualTo("doc");
    assertThat(model.irVersion()).isEqualTo(8);
    assertThat(model.metadata()).containsExactly(Map.entry("k", "v"));
    assertThat(model.opsetImports()).containsExactly(Map.entry("", 17), Map.entry("com.microsoft", 1));

    Graph graph = model.graph();
    assertThat(graph.name()).isEqualTo("main");
    assertThat(graph.nodes()).extracting(Node::name).containsExactly("mul", "Add_0", "Clip_2");
    assertThat(graph.nodes()).allSatisfy(n -> assertThat(n.opset()).isEqualTo(17));
    Value w = graph.inputs().get(1);
    assertThat(graph.initializers()).contains(w);
    assertThat(w.initializer().floats()).containsExactly(1f, 2f, 3f);
    assertThat(graph.requiredInputs()).extracting(Value::name).containsExactly("x");
    Value b = graph.initializers().get(1);
    assertThat(graph.inputs()).doesNotContain(b);
    assertThat(b.type()).hasToString("f32[3]");

    Node mul = graph.nodes().get(0);
    Node add = graph.nodes().get(1);
    Node clip = graph.nodes().get(2);
    assertThat(mul.inputs()).containsExactly(graph.inputs().get(0), w);
    assertThat(add.input(0)).isSameAs(mul.output(0));
    assertThat(mul.output(0).type()).hasToString("f32[batch,3]");
    assertThat(clip.inputs()).containsExactly(add.output(0), null, b);
    assertThat(graph.outputs()).containsExactly(clip.output(0));
    assertThat(clip.output(0).producer()).isSameAs(clip);
  }

  @Test
  void decodesValueTypes() {
    TypeProto seq = TypeProto.newBuilder().setSequenceType(
        TypeProto.Sequence.newBuilder().setElemType(tensorType(7, 2L))).build();
    TypeProto opt = TypeProto.newBuilder().setOptionalType(
        TypeProto.Optional.newBuilder().setElemType(seq)).build();
    TypeProto map = TypeProto.newBuilder().setMapType(
        TypeProto.Map.newBuilder().setKeyType(8).setValueType(tensorType(1))).build();
    TypeProto noShape = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(10)).build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(info("a", tensorType(1, 4L, "n", null)))
        .addInput(info("s", seq))
        .addInput(info("o", opt))
        .addInput(info("m", map))
        .addInput(info("h", noShape))
        .addInput(info("c", tensorType(14, 2L)))
        .addOutput(info("a", tensorType(1, 4L, "n", null)))
        .build();
    Graph graph = load(model(g)).graph();
    ValueType.TensorType a = graph.inputs().get(0).tensorType();
    assertThat(a.elemType()).isEqualTo(DType.FLOAT);
    assertThat(a.dims()).containsExactly(Dim.of(4), Dim.symbol("n"), Dim.unknown());
    assertThat(graph.inputs().get(1).type())
        .isEqualTo(new ValueType.SequenceType(new ValueType.TensorType(DType.INT64, List.of(Dim.of(2)))));
    assertThat(graph.inputs().get(2).type()).hasToString("optional(seq(i64[2]))");
    assertThat(graph.inputs().get(3).type())
        .isEqualTo(new ValueType.MapType(DType.STRING, new ValueType.TensorType(DType.FLOAT, List.of())));
    assertThat(graph.inputs().get(4).tensorType().hasRank()).isFalse();
    assertThat(graph.inputs().get(4).tensorType().elemType()).isEqualTo(DType.FLOAT16);
    assertThat(graph.inputs().get(5).tensorType().elemType()).isEqualTo(DType.COMPLEX64);
    assertThat(graph.outputs()).containsExactly(graph.inputs().get(0));
  }

  @Test
  void sparseInitializerIsDensified() {
    SparseTensorProto sp = SparseTensorProto.newBuilder()
        .setValues(TensorEncoder.encode(Tensor.of(new float[] {5, 7}, 2), "sp"))
        .setIndices(TensorEncoder.encode(Tensor.of(new long[] {1, 0, 0, 2}, 2, 2), null))
        .addDims(2).addDims(3)
        .build();
    SparseTensorProto linear = SparseTensorProto.newBuilder()
        .setValues(TensorEncoder.encode(Tensor.of(new long[] {9}, 1), "lin"))
        .setIndices(TensorEncoder.encode(Tensor.of(new long[] {3}, 1), null))
        .addDims(4)
        .build();
    GraphProto g = GraphProto.newBuilder()
        .addSparseInitializer(sp).addSparseInitializer(linear)
        .addNode(node("Identity", List.of("sp"), List.of("y")))
        .addOutput(f32("y"))
        .build();
    Graph graph = load(model(g)).graph();
    assertThat(graph.initializers()).hasSize(2);
    Tensor dense = graph.initializers().get(0).initializer();
    assertThat(dense.shape().dims()).containsExactly(2, 3);
    assertThat(dense.floats()).containsExactly(0, 0, 7, 5, 0, 0);
    assertThat(graph.initializers().get(1).initializer().longs()).containsExactly(0, 0, 0, 9);
  }

  @Test
  void aiOnnxDomainIsTheDefaultDomain() {
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("x"))
        .addNode(node("Relu", List.of("x"), List.of("y")).toBuilder().setDomain("ai.onnx").build())
        .addNode(node("Neg", List.of("y"), List.of("z")).toBuilder().setDomain("").build())
        .addOutput(f32("z"))
        .build();
    ModelProto m = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(opset("ai.onnx", 13)).setGraph(g).build();
    Model model = load(m);
    assertThat(model.opsetImports()).containsExactly(Map.entry("", 13));
    assertThat(model.graph().nodes()).allSatisfy(n -> {
      assertThat(n.domain()).isEmpty();
      assertThat(n.opset()).isEqualTo(13);
    });
  }
}
