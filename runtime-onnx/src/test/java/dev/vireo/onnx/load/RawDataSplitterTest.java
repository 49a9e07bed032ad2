package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vireo.ir.Model;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.AttributeProto.AttributeType;
import dev.vireo.onnx.proto.FunctionProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.SparseTensorProto;
import dev.vireo.onnx.proto.TensorProto;
import dev.vireo.onnx.GraphText;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawDataSplitterTest {
  @TempDir Path dir;

  private static TensorProto t(String name, float... v) {
    return TensorEncoder.encode(Tensor.of(v, v.length), name);
  }

  /** Raw data in every place a tensor can be: initializers, attributes, subgraphs, sparse tensors, functions. */
  private static ModelProto sample() {
    GraphProto sub = GraphProto.newBuilder()
        .addInitializer(t("sw", 4, 5))
        .addNode(node("Add", List.of("x", "sw"), List.of("so")))
        .addOutput(f32("so"))
        .build();
    SparseTensorProto sp = SparseTensorProto.newBuilder()
        .setValues(t("sv", 7))
        .setIndices(TensorEncoder.encode(Tensor.of(new long[] {2}, 1), null))
        .addDims(3).build();
    AttributeProto value = AttributeProto.newBuilder().setName("value").setType(AttributeType.TENSOR)
        .setT(t("c", 1, 2, 3)).build();
    AttributeProto values = AttributeProto.newBuilder().setName("vs").setType(AttributeType.TENSORS)
        .addTensors(t("", 8)).addTensors(t("", 9, 10)).build();
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("x"))
        .addInput(Protos.info("cond", Protos.tensorType(9)))
        .addInitializer(t("w", 0.5f, -1))
        .addSparseInitializer(sp)
        .addNode(node("Constant", List.of(), List.of("c"), value))
        .addNode(node("k", "Custom", List.of("x"), List.of("k"), values).toBuilder().setDomain("dev.test").build())
        .addNode(node("If", List.of("cond"), List.of("y"),
            AttributeProto.newBuilder().setName("then_branch").setType(AttributeType.GRAPH).setG(sub).build(),
            AttributeProto.newBuilder().setName("else_branch").setType(AttributeType.GRAPH).setG(sub).build()))
        .addNode(node("f", "F", List.of("x"), List.of("fy")).toBuilder().setDomain("local").build())
        .addOutput(f32("y"))
        .build();
    FunctionProto f = FunctionProto.newBuilder().setName("F").setDomain("local")
        .addInput("a").addOutput("b")
        .addNode(node("Constant", List.of(), List.of("fc"), value.toBuilder().setT(t("fc", 42)).build()))
        .addNode(node("Add", List.of("a", "fc"), List.of("b")))
        .build();
    return Protos.model(g).toBuilder()
        .addOpsetImport(Protos.opset("dev.test", 1)).addOpsetImport(Protos.opset("local", 1))
        .addFunctions(f).build();
  }

  @Test
  void splitModelLoadsLikeAPlainParse() throws Exception {
    ModelProto m = sample();
    Path file = Protos.write(dir.resolve("m.onnx"), m);
    Model split = OnnxLoader.load(file);
    Model plain = OnnxLoader.toModel(ModelProto.parseFrom(m.toByteArray()), TensorSource.of(dir), file);
    assertThat(GraphText.describe(split.graph())).isEqualTo(GraphText.describe(plain.graph()));
    assertThat(split.graph().nodes()).extracting(n -> n.name()).contains("f/Constant_0");
    Tensor fc = split.graph().nodes().stream().filter(n -> n.name().equals("f/Constant_0")).findFirst()
        .orElseThrow().attrTensor("value");
    assertThat(fc.floats()).containsExactly(42f);
  }

  @Test
  void structureHasNoRawDataAndSlicesHoldIt() throws Exception {
    ModelProto m = sample();
    RawDataSplitter.Split s = RawDataSplitter.split(ByteBuffer.wrap(m.toByteArray()), RawDataSplitter.Kind.MODEL);
    // w, sv, sparse indices, c, two TENSORS entries, sw twice (then/else), fc
    assertThat(s.raw()).hasSize(9);
    ModelProto structure = ModelProto.parseFrom(s.structure());
    TensorProto w = structure.getGraph().getInitializer(0);
    assertThat(w.hasRawData()).isFalse();
    TensorSource src = new TensorSource(null, s.raw());
    ByteBuffer wRaw = src.splitRawData(w);
    byte[] bytes = new byte[wRaw.remaining()];
    wRaw.get(bytes);
    assertThat(bytes).isEqualTo(m.getGraph().getInitializer(0).getRawData().toByteArray());
    assertThat(s.structure().length).isLessThan(m.getSerializedSize());
  }

  @Test
  void malformedWireDataIsRejected() {
    byte[] good = sample().toByteArray();
    for (int cut = 1; cut < good.length; cut += 7) {
      byte[] truncated = Arrays.copyOf(good, cut);
      // The splitter accepts exactly the prefixes protobuf accepts (cuts at a field boundary).
      assertThat(accepts(() -> RawDataSplitter.split(ByteBuffer.wrap(truncated), RawDataSplitter.Kind.MODEL)))
          .as("cut at %d", cut)
          .isEqualTo(accepts(() -> ModelProto.parseFrom(truncated)));
    }
    assertThatThrownBy(() -> RawDataSplitter.split(ByteBuffer.wrap(new byte[] {0x3a, 0x7f}), RawDataSplitter.Kind.MODEL))
        .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("claims 127 bytes");
    assertThatThrownBy(() -> RawDataSplitter.split(ByteBuffer.wrap(new byte[] {0x0b}), RawDataSplitter.Kind.MODEL))
        .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("wire type 3");
    assertThatThrownBy(() -> RawDataSplitter.split(ByteBuffer.wrap(new byte[] {(byte) 0x80}), RawDataSplitter.Kind.MODEL))
        .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("truncated varint");
  }

  private interface Parse {
    void run() throws InvalidProtocolBufferException;
  }

  private static boolean accepts(Parse p) {
    try {
      p.run();
      return true;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  @Test
  void deepNestingIsRejectedWithoutOverflowingTheStack() {
    // GraphProto → node → attribute → graph ... 300 levels deep
    GraphProto g = GraphProto.getDefaultInstance();
    for (int i = 0; i < 100; i++) {
      g = GraphProto.newBuilder().addNode(node("If", List.of(), List.of(),
          AttributeProto.newBuilder().setName("g").setG(g).build())).build();
    }
    byte[] bytes = ModelProto.newBuilder().setGraph(g).build().toByteArray();
    assertThatThrownBy(() -> RawDataSplitter.split(ByteBuffer.wrap(bytes), RawDataSplitter.Kind.MODEL))
        .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("nest deeper");
  }
}
