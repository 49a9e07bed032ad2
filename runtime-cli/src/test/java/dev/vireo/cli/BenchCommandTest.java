package dev.vireo.cli;

import static dev.vireo.cli.VireoCliTest.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vireo bench} on the MLP test model: the JSON summary, the text table, usage errors. */
class BenchCommandTest {
  private static final Path MLP = Path.of("../testdata/models/mlp/model.onnx");
  private static final Path MLP_INPUT = Path.of("../testdata/models/mlp/test_data_set_0/input_0.pb");

  /** A flat JSON object of string and number members, or an assertion error saying where it broke. */
  static Map<String, Object> parseFlatJson(String line) {
    Pattern member = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(,|\\})");
    assertThat(line).startsWith("{").endsWith("}");
    Map<String, Object> m = new LinkedHashMap<>();
    int at = 1;
    while (at < line.length()) {
      Matcher x = member.matcher(line).region(at, line.length());
      assertThat(x.lookingAt()).as("JSON member at offset %d of %s", at, line).isTrue();
      String v = x.group(2);
      m.put(x.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : Double.parseDouble(v));
      at = x.end();
      if (x.group(3).equals("}")) {
        assertThat(at).as("trailing characters in %s", line).isEqualTo(line.length());
      }
    }
    return m;
  }

  @Test
  void jsonIsTheLastLineWithSaneNumbers() {
    assertThat(Files.isRegularFile(MLP)).as(MLP.toAbsolutePath().toString()).isTrue();
    Cli r = Cli.run("bench", MLP.toString(), "-i", "x=" + MLP_INPUT, "--threads", "1",
        "--warmup", "2", "--iterations", "7", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    Map<String, Object> j = parseFlatJson(lines.get(lines.size() - 1));
    assertThat(j).containsKeys("p50_ms", "p90_ms", "p99_ms", "mean_ms", "iterations", "threads",
        "peak_heap_bytes", "throughput_per_s", "load_ms");
    assertThat(j.get("iterations")).isEqualTo(7.0);
    assertThat(j.get("threads")).isEqualTo(1.0);
    double p50 = (Double) j.get("p50_ms");
    double p90 = (Double) j.get("p90_ms");
    double p99 = (Double) j.get("p99_ms");
    double min = (Double) j.get("min_ms");
    double max = (Double) j.get("max_ms");
    assertThat(min).isPositive();
    assertThat(p50).isBetween(min, p90);
    assertThat(p90).isBetween(p50, p99);
    assertThat(p99).isEqualTo(max); // nearest rank of 7 values
    assertThat((Double) j.get("mean_ms")).isBetween(min, max);
    assertThat((Double) j.get("throughput_per_s")).isPositive();
    assertThat((Double) j.get("peak_heap_bytes")).isGreaterThan(1024.0 * 1024);
    assertThat(r.err()).as("no progress bar when stderr is not a terminal").doesNotContain("\r");
  }

  @Test
  void textAndProfileWithRandomInputs() throws Exception {
    Cli r = Cli.run("bench", MLP.toString(), "--threads", "1", "--warmup", "0", "--iterations", "3", "--profile");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("input 'x': random f32");
    assertThat(r.out()).contains("op ", "calls", "total ms", "latency ms: p50 ", "throughput: ", "peak heap: ",
        "3 timed runs");
  }

  @Test
  void badArgumentsExit2WithOneLine() {
    assertOneLineError(Cli.run("bench", MLP.toString(), "--iterations", "0"), 2,
        "--iterations must be >= 1, got 0");
    assertOneLineError(Cli.run("bench", MLP.toString(), "--warmup", "-1"), 2, "--warmup must be >= 0, got -1");
    assertOneLineError(Cli.run("bench", MLP.toString(), "--threads", "0"), 2, "--threads must be >= 1, got 0");
    assertOneLineError(Cli.run("bench", MLP.toString(), "--iterations", "many"), 2, "'many' is not an int");
    assertOneLineError(Cli.run("bench", MLP.toString(), "-i", "nope=x.npy"), 2, "unknown input 'nope'");
    assertOneLineError(Cli.run("bench"), 2, "Missing required parameter: 'MODEL'");
  }

  @Test
  void percentilesAreNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(BenchCommand.percentile(v, 50)).isEqualTo(5);
    assertThat(BenchCommand.percentile(v, 90)).isEqualTo(9);
    assertThat(BenchCommand.percentile(v, 99)).isEqualTo(10);
    assertThat(BenchCommand.percentile(new double[] {4}, 50)).isEqualTo(4);
  }

  @Test
  void runPicksScalarKernelsUnlessSimdOrTheUserChose() {
    String saved = System.getProperty("vireo.vector");
    try {
      System.clearProperty("vireo.vector");
      RunCommand.chooseKernels(true);
      assertThat(System.getProperty("vireo.vector")).isNull();
      RunCommand.chooseKernels(false);
      assertThat(System.getProperty("vireo.vector")).isEqualTo("false");
      System.setProperty("vireo.vector", "true");
      RunCommand.chooseKernels(false);
      assertThat(System.getProperty("vireo.vector")).isEqualTo("true");
    } finally {
      if (saved == null) {
        System.clearProperty("vireo.vector");
      } else {
        System.setProperty("vireo.vector", saved);
      }
    }
  }
}
