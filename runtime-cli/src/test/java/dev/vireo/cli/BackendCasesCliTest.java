package dev.vireo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.check.Comparison;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, run and check on official ONNX backend test cases (system property vireo.onnxTests). */
class BackendCasesCliTest {
  static final List<String> CASES = List.of(
      "node/test_relu", "node/test_add_bcast", "node/test_matmul_2d", "node/test_conv_with_strides_padding");

  static Path root;

  @TempDir Path dir;

  @BeforeAll
  static void findCases() {
    String p = System.getProperty("vireo.onnxTests");
    root = p == null ? null : Path.of(p);
    if (root == null || !Files.isDirectory(root.resolve("node/test_relu"))) {
      String msg = "BackendCasesCliTest skipped: no ONNX backend test cases at " + p + " (set -Dvireo.onnxTests)";
      System.out.println(msg);
      Assumptions.abort(msg);
    }
  }

  static String caseDir(String name) {
    return root.resolve(name).toString();
  }

  @Test
  void checkPassesOnSupportedCases() {
    String[] args = new String[CASES.size() + 1];
    args[0] = "check";
    for (int i = 0; i < CASES.size(); i++) {
      args[i + 1] = caseDir(CASES.get(i));
    }
    Cli r = Cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    StringBuilder expected = new StringBuilder();
    for (String c : CASES) {
      expected.append("pass ").append(caseDir(c)).append('\n');
    }
    assertThat(r.out()).isEqualTo(expected + "4 passed, 0 failed\n");
  }

  @Test
  void checkReportsFailuresInCsvAndExits1() throws Exception {
    // a copy of test_relu whose expected output is off by one in its first element
    Path bad = Files.createDirectories(dir.resolve("suite/relu_wrong/test_data_set_0"));
    Path relu = root.resolve("node/test_relu");
    Files.copy(relu.resolve("model.onnx"), bad.getParent().resolve("model.onnx"));
    Files.copy(relu.resolve("test_data_set_0/input_0.pb"), bad.resolve("input_0.pb"));
    Tensor y = TensorFiles.read(relu.resolve("test_data_set_0/output_0.pb"));
    float[] wrong = y.floats().clone();
    wrong[0] += 1;
    TensorFiles.write(Tensor.wrap(y.dtype(), y.shape(), wrong), "y", bad.resolve("output_0.pb"));
    Path good = dir.resolve("suite/relu_copy");
    Files.createDirectories(good.resolve("test_data_set_0"));
    Files.copy(relu.resolve("model.onnx"), good.resolve("model.onnx"));
    Files.copy(relu.resolve("test_data_set_0/input_0.pb"), good.resolve("test_data_set_0/input_0.pb"));
    Files.copy(relu.resolve("test_data_set_0/output_0.pb"), good.resolve("test_data_set_0/output_0.pb"));
    Path broken = Files.createDirectories(dir.resolve("suite/zz_broken"));
    Files.write(broken.resolve("model.onnx"), new byte[] {9, 9, 9});

    Path csv = dir.resolve("reports/result.csv");
    Cli r = Cli.run("check", dir.resolve("suite").toString(), "--csv", csv.toString(), "--timeout", "30");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("pass " + good);
    assertThat(lines.get(1)).startsWith("fail " + bad.getParent() + ": output 'y'[0,0,0]: expected ");
    assertThat(lines.get(2)).startsWith("error " + broken + ": ");
    assertThat(lines.get(3)).isEqualTo("1 passed, 2 failed");

    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).isEqualTo("case,status,detail");
    assertThat(rows.get(1)).isEqualTo(good + ",pass,");
    // the detail has commas (the index), so it is quoted
    assertThat(rows.get(2)).startsWith(bad.getParent() + ",fail,\"output 'y'[0,0,0]: expected ").endsWith("\"");
    assertThat(rows.get(3)).startsWith(broken + ",error,");

    Cli loose = Cli.run("check", bad.getParent().toString(), "--atol", "2");
    assertThat(loose.out()).endsWith("1 passed, 0 failed\n");
    assertThat(loose.exitCode()).isZero();
  }

  @Test
  void infoShowsTheDeclaredInterface() {
    Cli r = Cli.run("info", caseDir("node/test_conv_with_strides_padding") + "/model.onnx");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("inputs:\n  x: f32[1,1,7,5]\n  W: f32[1,1,3,3]\n", "outputs:\n  y: f32[1,1,4,3]\n",
        "nodes:     1 (1 operator types)\n  Conv  1\n", "supported: yes");
  }

  @Test
  void runReproducesTheExpectedOutput() throws Exception {
    for (String c : CASES) {
      Path caseDir = root.resolve(c);
      List<String> args = new java.util.ArrayList<>(List.of("run", caseDir.resolve("model.onnx").toString(),
          "-o", dir.resolve(c).toString(), "--threads", "2"));
      Cli info = Cli.run("info", caseDir.resolve("model.onnx").toString());
      List<String> inputNames = info.out().lines()
          .dropWhile(l -> !l.equals("inputs:")).skip(1).takeWhile(l -> l.startsWith("  "))
          .map(l -> l.strip().substring(0, l.strip().indexOf(':'))).toList();
      for (int k = 0; k < inputNames.size(); k++) {
        args.add("-i");
        args.add(inputNames.get(k) + "=" + caseDir.resolve("test_data_set_0/input_" + k + ".pb"));
      }
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(c + "\n" + r).isZero();
      Tensor expected = TensorFiles.read(caseDir.resolve("test_data_set_0/output_0.pb"));
      try (var files = Files.list(dir.resolve(c))) {
        Path out = files.findFirst().orElseThrow();
        assertThat(Comparison.defaults().compare("y", expected, Npy.read(out))).as(c).isNull();
      }
    }
  }
}
