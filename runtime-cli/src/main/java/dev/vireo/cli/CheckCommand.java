package dev.vireo.cli;

import dev.vireo.SessionOptions;
import dev.vireo.check.CaseResult;
import dev.vireo.check.CaseRunner;
import dev.vireo.check.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo check DIR...}: runs test cases in the ONNX backend-test layout and compares the
 * outputs with the expected ones. Prints one line per case and then {@code N passed, M failed}
 * (errors count as failed); exits 0 only when every case passed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "Run ONNX test cases (model.onnx + test_data_set_N) and compare outputs.")
final class CheckCommand extends VireoCommand {
  @Parameters(arity = "1..*", paramLabel = "DIR",
      description = "A case directory, or a folder with case directories below it.")
  List<Path> dirs;

  @Option(names = "--rtol", paramLabel = "R", description = "Relative tolerance (default ${DEFAULT-VALUE}).")
  double rtol = Comparison.DEFAULT_RTOL;

  @Option(names = "--atol", paramLabel = "A", description = "Absolute tolerance (default ${DEFAULT-VALUE}).")
  double atol = Comparison.DEFAULT_ATOL;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write case,status,detail rows to FILE.")
  Path csv;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit per case (default ${DEFAULT-VALUE}).")
  double timeoutSeconds = CaseRunner.DEFAULT_TIMEOUT.toSeconds();

  @Option(names = "--threads", paramLabel = "N", description = "Threads per run (default ${DEFAULT-VALUE}).")
  int threads = 1;

  @Override
  int execute() throws IOException {
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("--timeout must be > 0 seconds, got " + timeoutSeconds);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    Comparison comparison = new Comparison(rtol, atol);
    List<Path> cases = new ArrayList<>();
    for (Path d : dirs) {
      if (Files.isRegularFile(d)) {
        throw new IllegalArgumentException(d + " is a file: give the case directory (the folder with "
            + CaseRunner.MODEL_FILE + ")");
      }
      List<Path> found = CaseRunner.findCases(d);
      if (found.isEmpty()) {
        throw new IllegalArgumentException("no test case (a folder with " + CaseRunner.MODEL_FILE + ") in " + d);
      }
      cases.addAll(found);
    }
    CaseRunner runner = new CaseRunner(comparison,
        Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))), SessionOptions.defaults().withThreads(threads));
    PrintWriter out = out();
    List<CaseResult> results = new ArrayList<>();
    int passed = 0;
    for (Path c : cases) {
      CaseResult r = runner.run(c, c.toString());
      results.add(r);
      if (r.passed()) {
        passed++;
      }
      out.println(r.line());
      out.flush();
    }
    if (csv != null) {
      List<String> rows = new ArrayList<>();
      rows.add("case,status,detail");
      results.forEach(r -> rows.add(r.csvRow()));
      Path parent = csv.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(csv, rows, StandardCharsets.UTF_8);
    }
    int failed = results.size() - passed;
    out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? VireoCli.OK : VireoCli.CHECK_FAILED;
  }
}
