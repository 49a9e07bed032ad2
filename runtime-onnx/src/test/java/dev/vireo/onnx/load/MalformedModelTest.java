package dev.vireo.onnx.load;

import static dev.vireo.onnx.load.Protos.f32;
import static dev.vireo.onnx.load.Protos.model;
import static dev.vireo.onnx.load.Protos.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gives a one-line ModelLoadException naming the file. */
class MalformedModelTest {
  @TempDir Path dir;

  private ModelLoadException fails(Path file) {
    ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> OnnxLoader.load(file));
    assertThat(e).as("loading %s must fail", file).isNotNull();
    assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
    assertThat(e.phase()).isIn(Phase.LOAD, Phase.VALIDATE);
    return e;
  }

  private ModelLoadException fails(ModelProto m) {
    return fails(Protos.write(dir.resolve("bad.onnx"), m));
  }

  private static GraphProto.Builder identity() {
    return GraphProto.newBuilder()
        .addInput(f32("x", 2L))
        .addNode(node("Identity", List.of("x"), List.of("y")))
        .addOutput(f32("y", 2L));
  }

  private static TensorProto.Builder floats(long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName("w").setDataType(1);
    Arrays.stream(dims).forEach(t::addDims);
    return t;
  }

  @Test
  void missingEmptyRandomAndTruncatedFiles() throws Exception {
    assertThat(fails(dir.resolve("nope.onnx")).getMessage()).contains("file not found");
    assertThat(fails(Files.createFile(dir.resolve("empty.onnx"))).getMessage()).contains("empty");
    assertThat(fails(dir).getMessage()).contains("cannot read");
    Random r = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + r.nextInt(4000)];
      r.nextBytes(junk);
      fails(Protos.write(dir.resolve("junk" + i + ".onnx"), junk));
    }
    byte[] good = model(identity().addInitializer(floats(64).setRawData(ByteString.copyFrom(new byte[256])))
        .build()).toByteArray();
    for (int cut : new int[] {1, 7, good.length / 2, good.length - 1}) {
      fails(Protos.write(dir.resolve("cut" + cut + ".onnx"), Arrays.copyOf(good, cut)));
    }
  }

  @Test
  void missingGraph() {
    ModelProto m = ModelProto.newBuilder().setIrVersion(8).addOpsetImport(Protos.opset("", 17)).build();
    assertThat(fails(m).getMessage()).contains("no graph");
  }

  @Test
  void badTensors() {
    assertThat(fails(model(identity().addInitializer(floats(2, -3)).build())).getMessage())
        .contains("tensor 'w'").contains("negative");
    assertThat(fails(model(identity().addInitializer(floats(1_000_000_000L, 1_000_000_000L)).build())).getMessage())
        .contains("too large");
    assertThat(fails(model(identity().addInitializer(floats(4).setRawData(ByteString.copyFrom(new byte[15]))).build()))
            .getMessage())
        .contains("raw_data has 15 bytes, f32[4] needs 16");
    assertThat(fails(model(identity().addInitializer(floats(1).setDataType(1234).addFloatData(1)).build())).getMessage())
        .contains("unknown element type 1234");
    assertThat(fails(model(identity().setInput(0, Protos.info("x", Protos.tensorType(77, 2L))).build())).getMessage())
        .contains("unknown element type 77");
    assertThat(fails(model(identity().setInput(0, f32("x", -2L)).build())).getMessage()).contains("negative");
  }

  @Test
  void hugeSparseInitializerIsRejectedBeforeAllocating() {
    dev.vireo.onnx.proto.SparseTensorProto sp = dev.vireo.onnx.proto.SparseTensorProto.newBuilder()
        .setValues(floats(1).setName("s").addFloatData(1))
        .setIndices(TensorProto.newBuilder().setDataType(7).addDims(1).addInt64Data(0))
        .addDims(2_000_000_000L)
        .build();
    long heap = Runtime.getRuntime().maxMemory();
    org.junit.jupiter.api.Assumptions.assumeTrue(heap < 8_000_000_000L, "heap too large for this check");
    assertThat(fails(model(identity().addSparseInitializer(sp).build())).getMessage())
        .contains("sparse tensor 's'").contains("needs 8000000000 bytes");
  }

  @Test
  void incompleteValueTypes() {
    dev.vireo.onnx.proto.TypeProto seq = dev.vireo.onnx.proto.TypeProto.newBuilder()
        .setSequenceType(dev.vireo.onnx.proto.TypeProto.Sequence.getDefaultInstance()).build();
    assertThat(fails(model(identity().addInput(Protos.info("s", seq)).build())).getMessage())
        .contains("input 's'").contains("sequence type has no element type");
    dev.vireo.onnx.proto.TypeProto map = dev.vireo.onnx.proto.TypeProto.newBuilder()
        .setMapType(dev.vireo.onnx.proto.TypeProto.Map.newBuilder().setKeyType(99).setValueType(Protos.tensorType(1)))
        .build();
    assertThat(fails(model(identity().addInput(Protos.info("m", map)).build())).getMessage())
        .contains("unknown element type 99");
  }

  @Test
  void cycle() {
    GraphProto g = GraphProto.newBuilder()
        .addInput(f32("x"))
        .addNode(node("a", "Add", List.of("x", "c"), List.of("b")))
        .addNode(node("n2", "Neg", List.of("b"), List.of("c")))
        .addOutput(f32("c"))
        .build();
    ModelLoadException e = fails(model(g));
    assertThat(e.phase()).isEqualTo(Phase.VALIDATE);
    assertThat(e.getMessage()).contains("cycle");
  }

  @Test
  void undefinedValueAndDuplicateOutputs() {
    GraphProto undefined = identity().addNode(node("n", "Neg", List.of("ghost"), List.of("z"))).build();
    ModelLoadException e = fails(model(undefined));
    assertThat(e.getMessage()).contains("Neg 'n'").contains("input 'ghost' is not defined");
    assertThat(e.node().name()).isEqualTo("n");

    GraphProto dup = identity().addNode(node("n", "Neg", List.of("x"), List.of("y"))).build();
    assertThat(fails(model(dup)).getMessage()).contains("output 'y' is already defined by node 'Identity_0'");

    GraphProto overInput = identity().addNode(node("n", "Neg", List.of("y"), List.of("x"))).build();
    assertThat(fails(model(overInput)).getMessage()).contains("already defined as a graph input");

    GraphProto badOut = identity().addOutput(f32("nothing")).build();
    assertThat(fails(model(badOut)).getMessage()).contains("output 'nothing' is not defined");
  }

  @Test
  void domainNotImported() {
    NodeProto custom = node("Foo", List.of("x"), List.of("y")).toBuilder().setDomain("com.acme").build();
    GraphProto g = GraphProto.newBuilder().addInput(f32("x")).addNode(custom).addOutput(f32("y")).build();
    ModelLoadException e = fails(model(g));
    assertThat(e.getMessage()).contains("does not import domain 'com.acme'");
    assertThat(e.phase()).isEqualTo(Phase.VALIDATE);
  }

  @Test
  void deeplyNestedSubgraphsDoNotOverflowTheStack() {
    GraphProto g = identity().build();
    for (int i = 0; i < 150; i++) {
      NodeProto n = node("If", List.of("x"), List.of("y" + i), dev.vireo.onnx.proto.AttributeProto.newBuilder()
          .setName("then_branch").setType(dev.vireo.onnx.proto.AttributeProto.AttributeType.GRAPH).setG(g).build());
      g = GraphProto.newBuilder().addNode(n).addOutput(f32("y" + i)).build();
    }
    GraphProto top = g;
    assertThat(fails(model(top)).getMessage()).contains("not a valid ONNX model file");
  }
}
