package dev.vireo.testdata;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The full-size ResNet-18 and MobileNetV2 (every layer at full width, built in code, never
 * committed): Vireo's logits match onnxruntime's. The image is 64×64 rather than 224×224 to keep
 * the test short; the layers and weights are the same.
 */
class LargeCnnTest {
  static final java.util.List<String> LARGE = TestModels.LARGE;

  @ParameterizedTest
  @FieldSource("LARGE")
  void vireoMatchesOnnxruntime(String name, @TempDir Path dir) throws Exception {
    Path file = dir.resolve(name + ".onnx");
    OnnxWriter.write(TestModels.build(name), file);
    Tensor x = TestModels.imageInput(name, 1, 64);
    Tensor expected;
    try (OrtReference ort = new OrtReference(file)) {
      expected = ort.run(Map.of("x", x)).get("logits");
    }
    try (Session s = Vireo.load(file, SessionOptions.defaults().withThreads(2))) {
      Tensor out = s.run(Map.of("x", x)).get("logits");
      TestModelsTest.assertClose(out, expected, 1e-3, 1e-3);
    }
    Files.deleteIfExists(file);
  }
}
