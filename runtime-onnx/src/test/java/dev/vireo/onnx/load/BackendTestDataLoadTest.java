package dev.vireo.onnx.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Smoke test over the ONNX backend test cases (node, simple and pytorch groups): every model
 * and every input/output file loads,
 * each value read as the model declares it (tensor, sequence or optional). The folder comes from
 * the system property {@code vireo.onnxTests}; the test is skipped when it is absent.
 */
class BackendTestDataLoadTest {
  /**
   * Reasons a case may legitimately fail to load, by message fragment: element types without
   * storage in Vireo (complex numbers).
   */
  private static final List<String> EXPECTED = List.of("has no storage in Vireo");

  /** The cases folder: the property, else {@code <repo>/../shared/onnx-backend-tests} (tests run in the module folder). */
  private static Path casesRoot() {
    String dir = System.getProperty("vireo.onnxTests", "../../shared/onnx-backend-tests");
    Path root = Path.of(dir);
    assumeTrue(Files.isDirectory(root.resolve("node")),
        "ONNX backend test cases not found at " + root.toAbsolutePath()
            + " (set -Dvireo.onnxTests=<folder>); skipping");
    return root;
  }

  @Test
  void everyModelAndTestDataFileLoads() throws IOException {
    Path root = casesRoot();
    List<Path> models = new ArrayList<>();
    for (String group : List.of("node", "simple", "pytorch-converted", "pytorch-operator")) {
      if (Files.isDirectory(root.resolve(group))) {
        try (Stream<Path> s = Files.list(root.resolve(group))) {
          s.map(d -> d.resolve("model.onnx")).filter(Files::isRegularFile).sorted().forEach(models::add);
        }
      }
    }
    assertThat(models).hasSizeGreaterThan(1000);
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> unexpected = new TreeMap<>();
    int files = 0;
    for (Path model : models) {
      String name = root.relativize(model.getParent()).toString();
      try {
        Model m = OnnxLoader.load(model);
        assertThat(m.graph().nodes()).as(name).isNotEmpty();
        for (Path set : dataSets(model.getParent())) {
          files += readAll(set, "input_", m.graph().requiredInputs());
          files += readAll(set, "output_", m.graph().outputs());
        }
      } catch (ModelLoadException e) {
        boolean known = EXPECTED.stream().anyMatch(f -> e.getMessage().contains(f));
        (known ? expected : unexpected).put(name, e.getMessage());
      }
    }
    System.out.printf("backend cases: %d models, %d data files, %d expected load errors (%s)%n",
        models.size(), files, expected.size(), String.join(", ", expected.keySet()));
    assertThat(unexpected).as("unexpected load failures").isEmpty();
    assertThat(files).isGreaterThan(2000);
  }

  private static List<Path> dataSets(Path caseDir) throws IOException {
    try (Stream<Path> s = Files.list(caseDir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("test_data_set_")).sorted().toList();
    }
  }

  /** Reads prefix0.pb, prefix1.pb, ... as the declared types of {@code values}; returns the count. */
  private static int readAll(Path set, String prefix, List<Value> values) {
    int n = 0;
    for (int k = 0; ; k++) {
      Path f = set.resolve(prefix + k + ".pb");
      if (!Files.exists(f)) {
        return n;
      }
      ValueType type = k < values.size() ? values.get(k).type() : null;
      read(f, type);
      n++;
    }
  }

  private static Object read(Path f, ValueType type) {
    return switch (type) {
      case ValueType.SequenceType s -> TensorFiles.readSequence(f);
      case ValueType.OptionalType o when o.elemType() instanceof ValueType.SequenceType ->
          TensorFiles.readOptionalSequence(f);
      case ValueType.OptionalType o -> TensorFiles.readOptional(f);
      case null, default -> TensorFiles.read(f);
    };
  }
}
