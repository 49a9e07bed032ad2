package dev.vireo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.OperatorTable;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.onnx.proto.SequenceProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import dev.vireo.onnx.write.TensorEncoder;
import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Tensor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI on models written in the test: usage errors, broken models, missing operators, files. */
class VireoCliTest {
  @TempDir Path dir;

  /** One line on stderr, starting with "vireo: ", and nothing on stdout. */
  static void assertOneLineError(Cli r, int exitCode, String fragment) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
    assertThat(r.err()).as(r.toString()).startsWith("vireo: ").contains(fragment).endsWith("\n");
    assertThat(r.err().strip().lines().count()).as(r.toString()).isEqualTo(1);
  }

  @Test
  void versionAndHelp() {
    Cli v = Cli.run("--version");
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).startsWith("vireo 0.1.0");
    Cli h = Cli.run("--help");
    assertThat(h.exitCode()).isZero();
    assertThat(h.out()).contains("info", "run", "bench", "check", "ops", "Exit codes");
    for (String cmd : new String[] {"info", "run", "bench", "check", "ops"}) {
      Cli sub = Cli.run(cmd, "--help");
      assertThat(sub.exitCode()).isZero();
      assertThat(sub.out()).startsWith("Usage: vireo " + cmd);
    }
  }

  @Test
  void usageErrorsExit2WithOneLine() throws Exception {
    Path model = ModelFiles.write(ModelFiles.passThrough(ModelFiles.floatInput("x", 2)), dir.resolve("m.onnx"));
    assertOneLineError(Cli.run(), 2, "a command is required");
    assertOneLineError(Cli.run("run", model.toString(), "--bogus"), 2, "Unknown option: '--bogus'");
    assertOneLineError(Cli.run("run", model.toString(), "-i", "x"), 2, "KEY=VALUE");
    assertOneLineError(Cli.run("run", model.toString(), "-i", "x=" + dir.resolve("nope.npy")), 2,
        "input 'x': no such file: " + dir.resolve("nope.npy"));
    assertOneLineError(Cli.run("run", model.toString(), "--threads", "zero"), 2, "'zero' is not an int");
    assertOneLineError(Cli.run("info"), 2, "Missing required parameter: 'MODEL'");
    assertOneLineError(Cli.run("check"), 2, "DIR");
    assertOneLineError(Cli.run("check", dir.resolve("missing").toString()), 2, "no such directory");
    assertOneLineError(Cli.run("check", dir.toString()), 2, "no test case");

    Path npy = dir.resolve("wrong.npy");
    Npy.write(Tensor.of(new float[] {1, 2, 3}, 3), npy);
    assertOneLineError(Cli.run("run", model.toString(), "-i", "x=" + npy), 2, "input 'x': dim 0 must be 2");
    assertOneLineError(Cli.run("run", model.toString(), "-i", "nosuch=" + npy), 2, "unknown input 'nosuch'");
    Path garbage = Files.write(dir.resolve("garbage.pb"), new byte[] {(byte) 0xff, (byte) 0xff, 3});
    assertOneLineError(Cli.run("run", model.toString(), "-i", "x=" + garbage), 2, "input 'x': cannot read");
  }

  @Test
  void malformedModelsExit3WithOneLine() throws Exception {
    byte[] random = new byte[500];
    new Random(1).nextBytes(random);
    Path good = ModelFiles.write(ModelFiles.unknownOp(), dir.resolve("good.onnx"));
    byte[] bytes = Files.readAllBytes(good);
    Path[] broken = {
      Files.write(dir.resolve("random.onnx"), random),
      Files.write(dir.resolve("empty.onnx"), new byte[0]),
      Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length / 2)),
    };
    for (Path p : broken) {
      for (String cmd : new String[] {"info", "run"}) {
        assertOneLineError(Cli.run(cmd, p.toString()), 3, "");
      }
    }
    assertOneLineError(Cli.run("run", dir.resolve("absent.onnx").toString()), 3,
        "model file not found: " + dir.resolve("absent.onnx"));
  }

  @Test
  void missingOperatorsExit3AndAreListedByInfo() throws Exception {
    Path model = ModelFiles.write(ModelFiles.unknownOp(), dir.resolve("unknown.onnx"));
    assertOneLineError(Cli.run("run", model.toString()), 3, "NoSuchOp");
    // a command line built without VireoCli.commandLine() still reports one line
    assertOneLineError(Cli.run(new CommandLine(new VireoCli()), "run", model.toString()), 3, "NoSuchOp");

    Cli info = Cli.run("info", model.toString());
    assertThat(info.exitCode()).as(info.toString()).isZero();
    assertThat(info.out()).contains("producer:  vireo-test", "inputs:\n  x: f32[2]", "outputs:\n  y: f32[2]",
        "nodes:     1 (1 operator types)", "  NoSuchOp  1",
        "supported: no, 1 operator without a kernel:\n  ai.onnx NoSuchOp opset 17 (1 node)");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path model = ModelFiles.write(ModelFiles.unknownOp(), dir.resolve("unknown.onnx"));
    Cli r = Cli.run("--verbose", "run", model.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("vireo: ").contains("\tat ");
    Cli after = Cli.run("run", model.toString(), "--verbose");
    assertThat(after.err()).contains("\tat ");
  }

  @Test
  void inferenceFailuresExit4() throws Exception {
    Path model = ModelFiles.write(ModelFiles.matMul(), dir.resolve("mm.onnx"));
    Path a = dir.resolve("a.npy");
    Path b = dir.resolve("b.npy");
    Npy.write(Tensor.of(new float[6], 2, 3), a);
    Npy.write(Tensor.of(new float[20], 4, 5), b);
    assertOneLineError(Cli.run("run", model.toString(), "-i", "a=" + a, "-i", "b=" + b), 4, "MatMul");
  }

  @Test
  void runFillsMissingInputsWithSeededRandomDataAndWritesSanitizedNpy() throws Exception {
    Path model = ModelFiles.write(ModelFiles.passThrough(ModelFiles.floatInput("enc/out:0", "batch", 2)),
        dir.resolve("p.onnx"));
    Path outDir = dir.resolve("out/deeper");
    Cli r = Cli.run("run", model.toString(), "--dim", "batch=3", "--seed", "7", "-o", outDir.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("input 'enc/out:0': random f32[3,2] (seed 7)\n");
    Tensor written = Npy.read(outDir.resolve("enc_out_0.npy"));
    Random rnd = new Random(7);
    float[] expected = new float[6];
    for (int i = 0; i < 6; i++) {
      expected[i] = rnd.nextFloat();
    }
    assertThat(written.floats()).containsExactly(expected);
    assertThat(r.out()).startsWith("enc/out:0: f32[3,2] [" + expected[0] + ", ").contains("run time: ");

    Cli again = Cli.run("run", model.toString(), "--dim", "batch=3", "--seed", "7");
    assertThat(again.out().lines().findFirst()).isEqualTo(r.out().lines().findFirst());
    Cli unsized = Cli.run("run", model.toString());
    assertThat(unsized.err()).isEqualTo("input 'enc/out:0': random f32[1,2] (seed 42)\n");
  }

  @Test
  void runReadsNpyAndTensorProtoInputs() throws Exception {
    Path model = ModelFiles.write(ModelFiles.passThrough(ModelFiles.floatInput("x", 3)), dir.resolve("p.onnx"));
    Tensor x = Tensor.of(new float[] {1.5f, -2, 3}, 3);
    Path npy = dir.resolve("x.npy");
    Npy.write(x, npy);
    Path pb = dir.resolve("x.pb");
    TensorFiles.write(x, "x", pb);
    for (Path in : new Path[] {npy, pb}) {
      Cli r = Cli.run("run", model.toString(), "-i", "x=" + in, "-o", dir.resolve("o").toString());
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).startsWith("x: f32[3] [1.5, -2.0, 3.0]\n");
      assertThat(Npy.read(dir.resolve("o/x.npy")).floats()).containsExactly(1.5f, -2, 3);
    }
  }

  @Test
  void runTakesAndPrintsSequences() throws Exception {
    ValueInfoProto seq = ValueInfoProto.newBuilder().setName("s").setType(TypeProto.newBuilder()
        .setSequenceType(TypeProto.Sequence.newBuilder().setElemType(ModelFiles.floatInput("e", 2).getType())))
        .build();
    Path model = ModelFiles.write(ModelFiles.passThrough(seq), dir.resolve("seq.onnx"));
    Path pb = Files.write(dir.resolve("s.pb"), SequenceProto.newBuilder().setElemType(1)
        .addTensorValues(TensorEncoder.encode(Tensor.of(new float[] {1, 2}, 2), ""))
        .addTensorValues(TensorEncoder.encode(Tensor.of(new float[] {3, 4}, 2), "")).build().toByteArray());
    Cli r = Cli.run("run", model.toString(), "-i", "s=" + pb, "-o", dir.resolve("o").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("s: seq(f32)[2]\n  [0] f32[2] [1.0, 2.0]\n  written to ");
    assertThat(Npy.read(dir.resolve("o/s_1.npy")).floats()).containsExactly(3, 4);
    assertOneLineError(Cli.run("run", model.toString()), 2, "input 's' is seq(f32[2]): only tensor inputs");
  }

  @Test
  void opsListsTheRegistryAndMarkdownIsTheReadmeTable() {
    Cli r = Cli.run("ops");
    assertThat(r.exitCode()).isZero();
    int rows = OperatorTable.rows(StandardKernels.registry()).size();
    assertThat(r.out()).startsWith("domain").endsWith(rows + " operators\n");
    assertThat(r.out().lines().count()).isEqualTo(rows + 2);
    Cli md = Cli.run("ops", "--markdown");
    assertThat(md.exitCode()).isZero();
    assertThat(md.out()).isEqualTo(OperatorTable.markdown(StandardKernels.registry()));
  }

  @Test
  void infoWorksOnARealModelWhateverTheKernels() throws Exception {
    // copied once per build from the jar on the test class path
    Path model = Path.of("target", "models", "all-minilm-l6-v2.onnx").toAbsolutePath();
    if (!Files.exists(model)) {
      Files.createDirectories(model.getParent());
      try (InputStream in = VireoCliTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
        assertThat(in).as("all-minilm-l6-v2.onnx on the test class path").isNotNull();
        Path part = Files.createTempFile(model.getParent(), "model", ".part");
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, model, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Cli r = Cli.run("info", model.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("input_ids: i64[", "attention_mask: i64[", "last_hidden_state: f32[",
        "  MatMul ", "parameters: ", "supported: ");
    assertThat(r.out()).containsPattern("parameters: 2[0-9],[0-9]{3},[0-9]{3} in ");
  }
}
