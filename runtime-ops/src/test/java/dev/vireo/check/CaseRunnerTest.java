package dev.vireo.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.SessionOptions;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.SequenceProto;
import dev.vireo.onnx.proto.TensorShapeProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseRunnerTest {
  @TempDir Path dir;

  private final CaseRunner runner =
      new CaseRunner(Comparison.defaults(), Duration.ofSeconds(20), SessionOptions.defaults().withThreads(1));

  static ValueInfoProto floatInfo(String name, int n) {
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(1).setShape(TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(n))))).build();
  }

  /** A model whose output is its input: no nodes, so it runs without any kernel. */
  static ModelProto passThrough() {
    return ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
        .setGraph(GraphProto.newBuilder().setName("g").addInput(floatInfo("x", 2)).addOutput(floatInfo("x", 2)))
        .build();
  }

  static ModelProto unknownOp() {
    return ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
        .setGraph(GraphProto.newBuilder().setName("g").addInput(floatInfo("x", 2)).addOutput(floatInfo("y", 2))
            .addNode(NodeProto.newBuilder().setName("n0").setOpType("NoSuchOp").addInput("x").addOutput("y")))
        .build();
  }

  private Path writeCase(String name, ModelProto model, Tensor input, Tensor output) throws Exception {
    Path c = Files.createDirectories(dir.resolve(name));
    Files.write(c.resolve("model.onnx"), model.toByteArray());
    Path ds = Files.createDirectories(c.resolve("test_data_set_0"));
    TensorFiles.write(input, "x", ds.resolve("input_0.pb"));
    TensorFiles.write(output, "x", ds.resolve("output_0.pb"));
    return c;
  }

  @Test
  void passesWhenOutputsMatch() throws Exception {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    Path c = writeCase("same", passThrough(), x, x);
    assertThat(runner.run(c, "same")).isEqualTo(CaseResult.pass("same"));
  }

  @Test
  void failsWithTheWorstMismatch() throws Exception {
    Path c = writeCase("differs", passThrough(), Tensor.of(new float[] {1, 2}, 2), Tensor.of(new float[] {1, 3}, 2));
    CaseResult r = runner.run(c, "differs");
    assertThat(r.status()).isEqualTo(CaseResult.Status.FAIL);
    assertThat(r.detail()).startsWith("output 'x'[1]: expected 3.0, got 2.0");
  }

  @Test
  void runsEveryDataSetAndNamesTheOneThatFails() throws Exception {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    Path c = writeCase("two", passThrough(), x, x);
    Path ds1 = Files.createDirectories(c.resolve("test_data_set_1"));
    TensorFiles.write(x, "x", ds1.resolve("input_0.pb"));
    TensorFiles.write(Tensor.of(new float[] {1, 2.5f}, 2), "x", ds1.resolve("output_0.pb"));
    assertThat(runner.run(c, "two").detail()).startsWith("test_data_set_1: output 'x'[1]: expected 2.5, got 2.0");
    TensorFiles.write(x, "x", ds1.resolve("input_1.pb"));
    assertThat(runner.run(c, "two"))
        .isEqualTo(CaseResult.error("two", "test_data_set_1: input_1.pb has no graph input: the model declares 1"));
  }

  @Test
  void missingOperatorsAndBrokenFilesAreErrors() throws Exception {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    CaseResult r = runner.run(writeCase("unknown", unknownOp(), x, x), "unknown");
    assertThat(r.status()).isEqualTo(CaseResult.Status.ERROR);
    assertThat(r.detail()).contains("NoSuchOp");

    Path broken = writeCase("broken", passThrough(), x, x);
    Files.write(broken.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7});
    CaseResult b = runner.run(broken, "broken");
    assertThat(b.status()).isEqualTo(CaseResult.Status.ERROR);
    assertThat(b.detail()).doesNotContain("\n").isNotEmpty();

    Path noData = Files.createDirectories(dir.resolve("nodata"));
    Files.write(noData.resolve("model.onnx"), passThrough().toByteArray());
    assertThat(runner.run(noData, "nodata").detail()).startsWith("no test_data_set_N folder");
  }

  private static byte[] sequence(Tensor... tensors) {
    SequenceProto.Builder b = SequenceProto.newBuilder().setName("x").setElemType(1);
    for (Tensor t : tensors) {
      b.addTensorValues(TensorEncoder.encode(t, ""));
    }
    return b.build().toByteArray();
  }

  @Test
  void comparesSequencesElementByElement() throws Exception {
    ValueInfoProto seq = ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
        .setSequenceType(TypeProto.Sequence.newBuilder().setElemType(floatInfo("e", 2).getType()))).build();
    ModelProto m = ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
        .setGraph(GraphProto.newBuilder().setName("g").addInput(seq).addOutput(seq)).build();
    Path c = Files.createDirectories(dir.resolve("seq"));
    Files.write(c.resolve("model.onnx"), m.toByteArray());
    Path ds = Files.createDirectories(c.resolve("test_data_set_0"));
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {3, 4}, 2);
    Files.write(ds.resolve("input_0.pb"), sequence(a, b));
    Files.write(ds.resolve("output_0.pb"), sequence(a, b));
    assertThat(runner.run(c, "seq")).isEqualTo(CaseResult.pass("seq"));

    Files.write(ds.resolve("output_0.pb"), sequence(a, Tensor.of(new float[] {3, 5}, 2)));
    assertThat(runner.run(c, "seq").detail()).startsWith("output 'x' element 1[1]: expected 5.0, got 4.0");
    Files.write(ds.resolve("output_0.pb"), sequence(a));
    assertThat(runner.run(c, "seq").detail()).isEqualTo("output 'x': expected seq(f32)[1], got seq(f32)[2]");
  }

  @Test
  void aCaseThatNeverEndsTimesOut() throws Exception {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    Path c = writeCase("stuck", passThrough(), x, x);
    // reading a FIFO nobody writes to blocks forever
    Path input = c.resolve("test_data_set_0/input_0.pb");
    Files.delete(input);
    assertThat(new ProcessBuilder("mkfifo", input.toString()).start().waitFor()).isZero();
    CaseRunner quick = new CaseRunner(Comparison.defaults(), Duration.ofMillis(1500), SessionOptions.defaults().withThreads(1));
    long t0 = System.nanoTime();
    assertThat(quick.run(c, "stuck")).isEqualTo(CaseResult.error("stuck", "timed out after 1.5 s"));
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
  }

  @Test
  void findsCasesAtOrUnderAFolder() throws Exception {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    Path b = writeCase("suite/b", passThrough(), x, x);
    Path a = writeCase("suite/a", passThrough(), x, x);
    Path deep = writeCase("suite/group/c", passThrough(), x, x);
    assertThat(CaseRunner.findCases(dir.resolve("suite"))).containsExactly(a, b, deep);
    assertThat(CaseRunner.findCases(a)).containsExactly(a);
    assertThat(CaseRunner.findCases(Files.createDirectories(dir.resolve("empty")))).isEmpty();
    assertThatThrownBy(() -> CaseRunner.findCases(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no such directory: " + dir.resolve("missing"));
  }
}
