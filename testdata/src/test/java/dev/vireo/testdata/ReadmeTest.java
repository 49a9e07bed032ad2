package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.OperatorTable;
import dev.vireo.kernel.StandardKernels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md stays true: its operator table is the registry's, and its library example compiles and runs. */
class ReadmeTest {
  private static final Path README = Repo.root().resolve("README.md");

  @Test
  void operatorTableMatchesTheRegistry() throws Exception {
    String readme = Files.readString(README);
    int begin = readme.indexOf(OperatorTable.BEGIN);
    int end = readme.indexOf(OperatorTable.END);
    assertThat(begin).as("README has the operator table markers").isGreaterThanOrEqualTo(0);
    assertThat(end).isGreaterThan(begin);
    String table = readme.substring(begin, end + OperatorTable.END.length()) + "\n";
    String current = OperatorTable.markdown(StandardKernels.registry());
    if (Boolean.getBoolean("vireo.updateReadme") && !table.equals(current)) {
      Files.writeString(README, readme.substring(0, begin) + current
          + readme.substring(Math.min(readme.length(), end + OperatorTable.END.length() + 1)));
      return;
    }
    assertThat(table)
        .as("README's operator table is stale: run the tests with -Dvireo.updateReadme=true, "
            + "or paste the output of `./vireo ops --markdown`")
        .isEqualTo(current);
  }

  @Test
  void libraryExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(README);
    int marker = readme.indexOf("<!-- example: a test compiles and runs this block -->");
    assertThat(marker).isGreaterThanOrEqualTo(0);
    int start = readme.indexOf("```java\n", marker) + "```java\n".length();
    String source = readme.substring(start, readme.indexOf("```", start));
    Path file = dir.resolve("Example.java");
    Files.writeString(file, source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, null, diagnostics, "-d", dir.toString(),
        "-cp", System.getProperty("java.class.path"), file.toString());
    assertThat(rc).as("README example compiles: %s", diagnostics).isZero();

    PrintStream saved = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass("Example").getMethod("main", String[].class);
      Path model = Repo.root().resolve("testdata/models/mlp/model.onnx");
      main.invoke(null, (Object) new String[] {model.toString()});
    } finally {
      System.setOut(saved);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("[x: f32[N,16]]");
    assertThat(lines.get(1)).startsWith("f32[1,4] ");
    // the MLP ends in a Sigmoid
    float first = Float.parseFloat(lines.get(1).substring("f32[1,4] ".length()));
    assertThat(first).isBetween(0f, 1f);
  }
}
