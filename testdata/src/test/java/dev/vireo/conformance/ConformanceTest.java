package dev.vireo.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.SessionOptions;
import dev.vireo.check.CaseResult;
import dev.vireo.check.CaseRunner;
import dev.vireo.check.Comparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every ONNX backend test case (the folder in system property {@code vireo.onnxTests}) at
 * rtol 1e-3, atol 1e-7, writes {@code target/conformance.csv}, prints a pass count per folder
 * next to onnxruntime's (from {@code ort-baseline.csv}), and fails when a case listed in {@code
 * conformance/passing.txt} does not pass.
 *
 * <p>{@code -Dvireo.updatePassing=true} adds every passing case to {@code passing.txt}: the list
 * only grows, so a case that once passed stays required.
 */
class ConformanceTest {
  static final List<String> FOLDERS = List.of("node", "simple", "pytorch-converted", "pytorch-operator");
  static final Path PASSING = Path.of("conformance", "passing.txt");
  static final Path CSV = Path.of("target", "conformance.csv");

  @Test
  void backendTestCases() throws IOException {
    String prop = System.getProperty("vireo.onnxTests");
    Path root = prop == null || prop.isBlank() ? null : Path.of(prop);
    if (root == null || !Files.isDirectory(root)) {
      String msg = "conformance: skipped: no ONNX backend test cases at " + prop
          + " (set -Dvireo.onnxTests=<folder with node/, simple/, ...>)";
      System.out.println(msg);
      Assumptions.abort(msg);
    }
    CaseRunner runner = new CaseRunner(
        new Comparison(Comparison.DEFAULT_RTOL, Comparison.DEFAULT_ATOL),
        CaseRunner.DEFAULT_TIMEOUT, SessionOptions.defaults().withThreads(1));
    Map<String, String> ort = baseline(root.resolve("ort-baseline.csv"));

    List<CaseResult> results = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    int total = 0;
    int totalPassed = 0;
    int totalOrt = 0;
    for (String folder : FOLDERS) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      int passed = 0;
      int ortPassed = 0;
      List<Path> cases = CaseRunner.findCases(dir);
      for (Path c : cases) {
        String name = folder + "/" + dir.relativize(c).toString().replace('\\', '/');
        CaseResult r = runner.run(c, name);
        results.add(r);
        passed += r.passed() ? 1 : 0;
        ortPassed += "pass".equals(ort.get(name)) ? 1 : 0;
      }
      summary.add(line(folder, passed, cases.size(), ortPassed));
      total += cases.size();
      totalPassed += passed;
      totalOrt += ortPassed;
    }
    summary.add(line("total", totalPassed, total, totalOrt));
    summary.forEach(System.out::println);

    List<String> csv = new ArrayList<>();
    csv.add("case,status,reason");
    results.forEach(r -> csv.add(r.csvRow()));
    Files.createDirectories(CSV.getParent());
    Files.write(CSV, csv, StandardCharsets.UTF_8);

    TreeSet<String> required = readPassing();
    Map<String, CaseResult> byName = new HashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    List<String> regressions = required.stream()
        .filter(c -> byName.get(c) == null || !byName.get(c).passed())
        .map(c -> byName.get(c) == null ? c + ": the case was not found" : byName.get(c).line())
        .toList();
    long unlisted = results.stream().filter(r -> r.passed() && !required.contains(r.name())).count();
    if (unlisted > 0 && !Boolean.getBoolean("vireo.updatePassing")) {
      System.out.println("conformance: " + unlisted + " passing cases are not in " + PASSING
          + " yet (add them with -Dvireo.updatePassing=true)");
    }
    if (Boolean.getBoolean("vireo.updatePassing")) {
      TreeSet<String> grown = new TreeSet<>(required);
      results.stream().filter(CaseResult::passed).map(CaseResult::name).forEach(grown::add);
      Files.createDirectories(PASSING.toAbsolutePath().getParent());
      Files.write(PASSING, grown, StandardCharsets.UTF_8);
      System.out.println("conformance: " + PASSING + " now lists " + grown.size() + " cases ("
          + (grown.size() - required.size()) + " added)");
    }
    assertThat(regressions)
        .as("%d cases in %s no longer pass:%n%s", regressions.size(), PASSING.toAbsolutePath(),
            String.join("\n", regressions))
        .isEmpty();
  }

  private static String line(String folder, int passed, int cases, int ortPassed) {
    return "conformance: " + folder + " " + passed + "/" + cases + " pass (onnxruntime " + ortPassed + ")";
  }

  /** Case name to onnxruntime's status; empty when the baseline is absent. */
  static Map<String, String> baseline(Path csv) throws IOException {
    Map<String, String> m = new HashMap<>();
    if (!Files.isRegularFile(csv)) {
      return m;
    }
    for (String row : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      String[] f = row.split(",", 3);
      if (f.length >= 2 && !f[0].equals("case")) {
        m.put(f[0], f[1]);
      }
    }
    return m;
  }

  static TreeSet<String> readPassing() throws IOException {
    if (!Files.isRegularFile(PASSING)) {
      return new TreeSet<>();
    }
    return Files.readAllLines(PASSING, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
