package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models optimized with {@code portable} (standard ONNX ops only) are written, load in
 * onnxruntime and give the unoptimized model's answers; every level gives those answers in Vireo
 * too. Prints the node counts per level.
 */
class OptimizedModelsTest {
  private static final Path OUT = Path.of("target", "optimized");

  private static Supplier<Model> model(String name) {
    return name.equals("all-minilm-l6-v2") ? () -> OnnxLoader.load(RealModels.miniLm()) : () -> TestModels.build(name);
  }

  private static Map<String, Tensor> feeds(String name) {
    if (!name.equals("all-minilm-l6-v2")) {
      return Map.of("x", TestModels.sampleInput(name));
    }
    int seq = 24;
    SplittableRandom rnd = new SplittableRandom(5);
    long[] ids = new long[seq];
    long[] mask = new long[seq];
    for (int i = 0; i < seq; i++) {
      ids[i] = i == 0 ? 101 : i == seq - 1 ? 102 : 1000 + rnd.nextInt(28000);
      mask[i] = i < seq - 3 ? 1 : 0;
    }
    return Map.of("input_ids", Tensor.of(ids, 1, seq), "attention_mask", Tensor.of(mask, 1, seq),
        "token_type_ids", Tensor.of(new long[seq], 1, seq));
  }

  private static Optimizer.Result optimize(Model m, OptimizationLevel level, boolean portable) {
    ShapeInference.run(m.graph(), StandardOps.registry());
    return Optimizer.standard().optimize(m, level, portable, StandardKernels.registry());
  }

  private static Map<String, Tensor> runVireo(Model m, OptimizationLevel level, Map<String, Tensor> feeds) {
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1).withOptimization(level))) {
      return s.run(feeds);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn-small", "all-minilm-l6-v2"})
  void portableOutputRunsInOnnxruntimeWithTheSameAnswers(String name) throws Exception {
    Supplier<Model> fresh = model(name);
    Map<String, Tensor> feeds = feeds(name);
    Map<String, Tensor> expected = runVireo(fresh.get(), OptimizationLevel.NONE, feeds);

    StringBuilder counts = new StringBuilder("optimized " + name + ":");
    for (OptimizationLevel level : OptimizationLevel.values()) {
      Optimizer.Result r = optimize(fresh.get(), level, false);
      counts.append(' ').append(level).append('=').append(r.report().nodesAfter());
      Map<String, Tensor> actual = runVireo(r.model(), OptimizationLevel.NONE, feeds);
      for (String k : expected.keySet()) {
        TestModelsTest.assertClose(actual.get(k), expected.get(k), 1e-4, 1e-5);
      }
    }
    Optimizer.Result portable = optimize(fresh.get(), OptimizationLevel.ALL, true);
    counts.append(" portable=").append(portable.report().nodesAfter())
        .append(" (from ").append(portable.report().nodesBefore()).append(')');
    System.out.println(counts);
    assertThat(portable.model().opsetImports()).containsOnlyKeys("");
    assertThat(portable.report().histogramAfter().keySet()).allMatch(op -> !op.contains(":"));

    Files.createDirectories(OUT);
    Path file = OUT.resolve(name + "-portable.onnx");
    OnnxWriter.write(portable.model(), file);
    try (OrtReference ort = new OrtReference(file, false)) {
      Map<String, Tensor> fromOrt = ort.run(feeds);
      for (String k : expected.keySet()) {
        TestModelsTest.assertClose(fromOrt.get(k), expected.get(k), 1e-3, 1e-4);
      }
    }
  }

  /** The com.microsoft fused ops Vireo writes mean in onnxruntime what they mean in Vireo. */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn-small"})
  void fusedOutputRunsInOnnxruntimeWithTheSameAnswers(String name) throws Exception {
    Map<String, Tensor> feeds = feeds(name);
    Map<String, Tensor> expected = runVireo(TestModels.build(name), OptimizationLevel.NONE, feeds);
    Optimizer.Result fused = optimize(TestModels.build(name), OptimizationLevel.ALL, false);
    assertThat(fused.report().histogramAfter().keySet()).anyMatch(op -> op.startsWith("com.microsoft:Fused"));
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name + "-fused.onnx");
    OnnxWriter.write(fused.model(), file);
    try (OrtReference ort = new OrtReference(file, false)) {
      Map<String, Tensor> fromOrt = ort.run(feeds);
      for (String k : expected.keySet()) {
        TestModelsTest.assertClose(fromOrt.get(k), expected.get(k), 1e-4, 1e-5);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cnn-small"})
  void batchNormalizationIsGoneAtBasic(String name) {
    Optimizer.Result r = optimize(TestModels.build(name), OptimizationLevel.BASIC, false);
    assertThat(r.report().histogramBefore()).containsEntry("BatchNormalization", 3);
    assertThat(r.report().histogramAfter()).doesNotContainKey("BatchNormalization");
    assertThat(r.model().opsetImports()).containsOnlyKeys("");
  }
}
