package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.model;
import static dev.vireo.onnx.load.Protos.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Attribute.Kind;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeDecoderTest {
  @TempDir Path dir;

  private static AttributeProto.Builder attr(String name, AttributeType type) {
    AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
    return type == null ? b : b.setType(type);
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }

  private static GraphProto body() {
    return GraphProto.newBuilder().setName("body")
        .addNode(node("Identity", List.of("x"), List.of("by")))
        .addOutput(f32("by"))
        .build();
  }

  /** Loads one node carrying these attributes and returns it. */
  private Node nodeWith(AttributeProto... attrs) {
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("x"))
        .addNode(node("n", "Custom", List.of("x"), List.of("y"), attrs).toBuilder().setDomain("dev.test"))
        .addOutput(f32("y"))
        .build();
    return OnnxLoader.load(Protos.write(dir.resolve("a.onnx"),
            model(g).toBuilder().addOpsetImport(Protos.opset("dev.test", 1)).build()))
        .graph().nodes().get(0);
  }

  @Test
  void everyKind() {
    SparseTensorProto sp = SparseTensorProto.newBuilder()
        .setValues(TensorEncoder.encode(Tensor.of(new float[] {3}, 1), "v"))
        .setIndices(TensorEncoder.encode(Tensor.of(new long[] {1}, 1), null))
        .addDims(3).build();
    Node n = nodeWith(
        attr("f", AttributeType.FLOAT).setF(1.5f).build(),
        attr("i", AttributeType.INT).setI(-7).build(),
        attr("s", AttributeType.STRING).setS(utf8("héllo")).build(),
        attr("t", AttributeType.TENSOR).setT(TensorEncoder.encode(Tensor.of(new long[] {4, 5}, 2), "t")).build(),
        attr("g", AttributeType.GRAPH).setG(body()).build(),
        attr("fs", AttributeType.FLOATS).addFloats(1).addFloats(-2).build(),
        attr("is", AttributeType.INTS).addInts(3).addInts(Long.MAX_VALUE).build(),
        attr("ss", AttributeType.STRINGS).addStrings(utf8("a")).addStrings(utf8("β")).build(),
        attr("ts", AttributeType.TENSORS).addTensors(TensorEncoder.encode(Tensor.scalar(2f), "")).build(),
        attr("gs", AttributeType.GRAPHS).addGraphs(body()).addGraphs(body()).build(),
        attr("sp", AttributeType.SPARSE_TENSOR).setSparseTensor(sp).build(),
        attr("tp", AttributeType.TYPE_PROTO).setTp(Protos.tensorType(7, 2L)).build(),
        attr("tps", AttributeType.TYPE_PROTOS).addTypeProtos(Protos.tensorType(1)).build());
    assertThat(n.attrFloat("f", 0)).isEqualTo(1.5f);
    assertThat(n.attrInt("i", 0)).isEqualTo(-7);
    assertThat(n.attrString("s", null)).isEqualTo("héllo");
    assertThat(n.attrTensor("t").longs()).containsExactly(4, 5);
    Graph g = n.attrGraph("g");
    assertThat(g.name()).isEqualTo("body");
    assertThat(g.nodes()).hasSize(1);
    assertThat(n.attrFloats("fs", null)).containsExactly(1f, -2f);
    assertThat(n.attrInts("is", null)).containsExactly(3, Long.MAX_VALUE);
    assertThat(n.attr("ss").stringsValue()).containsExactly("a", "β");
    assertThat(n.attr("ts").tensorsValue()).singleElement().satisfies(t -> assertThat(t.floats()).containsExactly(2f));
    assertThat(n.attr("gs").graphsValue()).hasSize(2).allSatisfy(s -> assertThat(s.parent()).isNotNull());
    Attribute sparse = n.attr("sp");
    assertThat(sparse.kind()).isEqualTo(Kind.SPARSE_TENSOR);
    assertThat(((Tensor) sparse.value()).floats()).containsExactly(0f, 3f, 0f);
    assertThat(n.attr("tp").kind()).isEqualTo(Kind.TYPE);
    assertThat(n.attr("tp").value()).hasToString("i64[2]");
    assertThat(n.attr("tps").kind()).isEqualTo(Kind.TYPES);
    assertThat(n.attr("tps").value()).isEqualTo(List.of(
        new ValueType.TensorType(dev.vireo.tensor.DType.FLOAT, List.of())));
  }

  @Test
  void untypedAttributesTakeTheKindOfTheSetField() {
    Node n = nodeWith(
        attr("f", null).setF(0.25f).build(),
        attr("i", null).setI(3).build(),
        attr("s", null).setS(utf8("x")).build(),
        attr("is", null).addInts(1).addInts(2).build(),
        attr("fs", null).addFloats(9).build(),
        attr("ss", null).addStrings(utf8("q")).build(),
        attr("t", null).setT(TensorEncoder.encode(Tensor.scalar(1L), "t")).build(),
        attr("g", null).setG(body()).build());
    assertThat(n.attr("f").kind()).isEqualTo(Kind.FLOAT);
    assertThat(n.attrFloat("f", 0)).isEqualTo(0.25f);
    assertThat(n.attr("i").kind()).isEqualTo(Kind.INT);
    assertThat(n.attr("s").kind()).isEqualTo(Kind.STRING);
    assertThat(n.attrInts("is", null)).containsExactly(1, 2);
    assertThat(n.attr("fs").kind()).isEqualTo(Kind.FLOATS);
    assertThat(n.attr("ss").kind()).isEqualTo(Kind.STRINGS);
    assertThat(n.attr("t").kind()).isEqualTo(Kind.TENSOR);
    assertThat(n.attr("g").kind()).isEqualTo(Kind.GRAPH);
  }

  @Test
  void attributeWithoutValueOrTwiceIsAnError() {
    assertThatThrownBy(() -> nodeWith(attr("empty", null).build()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("attribute 'empty' has no type and no value")
        .hasMessageContaining("Custom 'n'");
    assertThatThrownBy(() -> nodeWith(Protos.intAttr("k", 1), Protos.intAttr("k", 2)))
        .hasMessageContaining("attribute 'k' is given twice");
    assertThatThrownBy(() -> nodeWith(attr("r", AttributeType.INT).setRefAttrName("k").build()))
        .hasMessageContaining("outside a function");
  }

  @Test
  void badTensorAttributeNamesNodeAndAttribute() {
    assertThatThrownBy(() -> nodeWith(attr("value", AttributeType.TENSOR).setT(
            TensorEncoder.encode(Tensor.of(new float[] {1, 2}, 2), "c").toBuilder().addDims(5)).build()))
        .hasMessageContaining("Custom 'n'")
        .hasMessageContaining("attribute 'value'")
        .hasMessageContaining("raw_data has 8 bytes, f32[2,5] needs 40");
  }
}
