package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.onnx.load.TensorFiles;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/**
 * The bundled models: committed files are exactly what the builder writes, their expected outputs
 * are onnxruntime's, and Vireo reproduces them — also from 8 threads at once.
 */
class TestModelsTest {
  static final List<String> NAMES = TestModels.NAMES;
  static final Path MODELS = Repo.root().resolve("testdata/models");

  @BeforeAll
  static void regenerateWhenAsked() throws Exception {
    if (Boolean.getBoolean("vireo.regenerateTestdata")) {
      for (String name : NAMES) {
        GenerateTestModels.write(MODELS, name);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void committedModelIsWhatTheBuilderWrites(String name) throws Exception {
    byte[] built = OnnxWriter.toProto(TestModels.build(name)).toByteArray();
    assertThat(Files.readAllBytes(MODELS.resolve(name).resolve("model.onnx")))
        .as("testdata/models/%s/model.onnx is stale: regenerate with -Dvireo.regenerateTestdata=true", name)
        .isEqualTo(built);
    assertThat(TensorFiles.read(dataSet(name).resolve("input_0.pb")).floats())
        .containsExactly(TestModels.sampleInput(name).floats());
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void expectedOutputIsOnnxruntimes(String name) throws Exception {
    try (OrtReference ort = new OrtReference(MODELS.resolve(name).resolve("model.onnx"))) {
      Tensor ortOut = ort.run(Map.of("x", TestModels.sampleInput(name))).values().iterator().next();
      Tensor expected = TensorFiles.read(dataSet(name).resolve("output_0.pb"));
      assertThat(ortOut.shape()).isEqualTo(expected.shape());
      assertThat(ortOut.floats()).containsExactly(expected.floats());
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void vireoMatchesTheExpectedOutput(String name) {
    Tensor expected = TensorFiles.read(dataSet(name).resolve("output_0.pb"));
    try (Session s = Vireo.load(MODELS.resolve(name).resolve("model.onnx"))) {
      Tensor out = s.run(Map.of("x", TestModels.sampleInput(name))).values().iterator().next();
      assertClose(out, expected, 1e-4, 1e-5);
    }
  }

  /** 8 threads × 100 runs with different inputs; every result equals the single-threaded one. */
  @Test
  void runIsSafeFromManyThreadsAtOnce() throws Exception {
    Path model = MODELS.resolve("cnn-small").resolve("model.onnx");
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(2))) {
      int threads = 8;
      int calls = 100;
      List<Tensor> inputs = new ArrayList<>();
      List<Tensor> expected = new ArrayList<>();
      SplittableRandom rnd = new SplittableRandom(3);
      for (int i = 0; i < 16; i++) {
        float[] d = new float[3 * 32 * 32];
        for (int k = 0; k < d.length; k++) {
          d[k] = (float) rnd.nextDouble();
        }
        Tensor in = Tensor.of(d, 1, 3, 32, 32);
        inputs.add(in);
        expected.add(s.run(Map.of("x", in)).get("probs"));
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int seed = t;
          results.add(pool.submit(() -> {
            int checked = 0;
            for (int c = 0; c < calls; c++) {
              int i = (seed * 7 + c) % inputs.size();
              Tensor out = s.run(Map.of("x", inputs.get(i))).get("probs");
              assertThat(out.floats()).as("thread %d call %d", seed, c).containsExactly(expected.get(i).floats());
              checked++;
            }
            return checked;
          }));
        }
        int total = 0;
        for (Future<Integer> f : results) {
          total += f.get();
        }
        assertThat(total).isEqualTo(threads * calls);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  static void assertClose(Tensor actual, Tensor expected, double rtol, double atol) {
    assertThat(actual.describe()).isEqualTo(expected.describe());
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.getDouble(i);
      double a = actual.getDouble(i);
      assertThat(Math.abs(a - e)).as("element %d: expected %s, got %s", i, e, a)
          .isLessThanOrEqualTo(atol + rtol * Math.abs(e));
    }
  }

  private static Path dataSet(String name) {
    return MODELS.resolve(name).resolve("test_data_set_0");
  }
}
