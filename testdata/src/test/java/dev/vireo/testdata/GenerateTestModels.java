package dev.vireo.testdata;

import dev.vireo.ir.Model;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the bundled models to {@code testdata/models/<name>/} in the ONNX test layout: {@code
 * model.onnx} built by {@link TestModels}, {@code test_data_set_0/input_0.pb} (the sample input)
 * and {@code output_0.pb} computed by onnxruntime, the reference.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl testdata -am test-compile exec:java
 * -Dexec.mainClass=dev.vireo.testdata.GenerateTestModels -Dexec.classpathScope=test}; or run
 * {@link TestModelsTest} with {@code -Dvireo.regenerateTestdata=true}.
 */
public final class GenerateTestModels {
  private GenerateTestModels() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "testdata/models");
    for (String name : TestModels.NAMES) {
      write(root, name);
    }
  }

  /** Writes one bundled model with its sample input and onnxruntime's output. */
  static void write(Path root, String name) throws Exception {
    Path dir = root.resolve(name);
    Path data = dir.resolve("test_data_set_0");
    Files.createDirectories(data);
    Model m = TestModels.build(name);
    Path file = dir.resolve("model.onnx");
    OnnxWriter.write(m, file);
    String inputName = m.graph().inputs().get(0).name();
    Tensor input = TestModels.sampleInput(name);
    TensorFiles.write(input, inputName, data.resolve("input_0.pb"));
    try (OrtReference ort = new OrtReference(file)) {
      Map<String, Tensor> out = ort.run(Map.of(inputName, input));
      int k = 0;
      for (Map.Entry<String, Tensor> e : out.entrySet()) {
        TensorFiles.write(e.getValue(), e.getKey(), data.resolve("output_" + k++ + ".pb"));
      }
    }
    System.out.println("wrote " + dir);
  }
}
