package dev.vireo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Npy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
  @TempDir Path dir;

  private static Tensor uniform(SplittableRandom r, Shape s, float lo, float hi) {
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = lo + (hi - lo) * (float) r.nextDouble();
    }
    return Tensor.wrap(DType.FLOAT, s, d);
  }

  /** x f32[N,3,8,8] → Conv → Relu → Flatten → Gemm 5 → y. */
  private Path cnn() {
    SplittableRandom r = new SplittableRandom(1);
    GraphBuilder b = new GraphBuilder("cnn", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(3), Dim.of(8), Dim.of(8));
    Value h = b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2)), x,
        b.constant("w", uniform(r, Shape.of(4, 3, 3, 3), -0.5f, 0.5f)), b.constant("b", uniform(r, Shape.of(4), 0, 0.1f)));
    h = b.op("Flatten", b.op("Relu", h));
    b.output(b.named("y", "Gemm", List.of(Attribute.of("transB", 1L)), h,
        b.constant("fc", uniform(r, Shape.of(5, 36), -0.3f, 0.3f))));
    Path p = dir.resolve("cnn.onnx");
    OnnxWriter.write(b.build(), p);
    return p;
  }

  private Path calibration(int samples) throws IOException {
    SplittableRandom r = new SplittableRandom(2);
    Path cal = dir.resolve("cal");
    for (int i = 0; i < samples; i++) {
      Path s = Files.createDirectories(cal.resolve(String.format("s%02d", i)));
      Npy.write(uniform(r, Shape.of(2, 3, 8, 8), 0, 1), s.resolve("x.npy"));
    }
    return cal;
  }

  private static List<String> ops(Path model) {
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(1)
        .withOptimization(dev.vireo.optimize.OptimizationLevel.NONE))) {
      return s.model().graph().nodes().stream().map(Node::opType).toList();
    }
  }

  @Test
  void staticQOperatorWritesARunnableModelAndReports() throws IOException {
    Path out = dir.resolve("q.onnx");
    Cli c = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "static",
        "--calibration", calibration(4).toString(), "--method", "percentile", "--per-channel",
        "--format", "qoperator", "--threads", "1");
    assertThat(c.exitCode()).as(c.toString()).isZero();
    assertThat(c.out()).contains("quantized 3 nodes (static, qoperator, percentile 99.99, int8 weights per output channel)")
        .containsPattern("output y: cosine 0\\.99\\d+").contains("model size:");
    assertThat(c.err()).contains("calibrating [").contains("8/8");
    assertThat(ops(out)).contains("QLinearConv").doesNotContain("Conv");
    Model m = dev.vireo.onnx.load.OnnxLoader.load(out);
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1))) {
      assertThat(s.run(Map.of("x", Tensor.zeros(DType.FLOAT, Shape.of(1, 3, 8, 8)))).get("y").shape())
          .isEqualTo(Shape.of(1, 5));
    }
  }

  @Test
  void accuracyTargetReportsFallbackAndAgreement() throws IOException {
    Path out = dir.resolve("t.onnx");
    Path cal = calibration(4);
    Cli met = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "static",
        "--calibration", cal.toString(), "--accuracy-target", "0.5", "--threads", "1");
    assertThat(met.exitCode()).as(met.toString()).isZero();
    assertThat(met.out()).contains("accuracy target 0.5").contains("no node left in float")
        .containsPattern("output y: cosine 0\\.99\\d+, max abs error \\S+, top-1 agreement 1\\.0000");
    assertThat(met.err()).contains("all 3 nodes quantized: agreement 0.9");
    Cli dynamic = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "dynamic",
        "--accuracy-target", "0.9");
    assertThat(dynamic.err()).startsWith("vireo: --accuracy-target needs --mode static").hasLineCount(1);
    Cli range = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "static",
        "--calibration", cal.toString(), "--accuracy-target", "2");
    assertThat(range.err()).startsWith("vireo: accuracy target must be in [0, 1] (0 for off), got 2.0").hasLineCount(1);
  }

  @Test
  void dynamicWithoutCalibrationReportsSizes() {
    Path out = dir.resolve("d.onnx");
    Cli c = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "dynamic",
        "--exclude-nodes", "nothing");
    assertThat(c.exitCode()).as(c.toString()).isZero();
    assertThat(c.out()).contains("quantized 1 nodes (dynamic, int8 weights per output channel, "
        + "activations per row (symmetric, one scale per token))").contains("model size:")
        .doesNotContain("cosine");
    assertThat(ops(out)).contains("MatMulInteger", "ReduceMax", "Conv").doesNotContain("DynamicQuantizeLinear");
    Cli perTensor = Cli.run("quantize", cnn().toString(), "-o", out.toString(), "--mode", "dynamic",
        "--activations", "per-tensor", "--no-per-channel");
    assertThat(perTensor.exitCode()).as(perTensor.toString()).isZero();
    assertThat(perTensor.out()).contains("quantized 1 nodes (dynamic, int8 weights per tensor, activations per "
        + "tensor (DynamicQuantizeLinear))");
    assertThat(ops(out)).contains("DynamicQuantizeLinear", "MatMulInteger").doesNotContain("ReduceMax");
  }

  @Test
  void usageErrorsAreOneLine() throws IOException {
    Path model = cnn();
    Path out = dir.resolve("x.onnx");
    Cli noCal = Cli.run("quantize", model.toString(), "-o", out.toString(), "--mode", "static");
    assertThat(noCal.exitCode()).isEqualTo(VireoCli.USAGE);
    assertThat(noCal.err()).isEqualTo("vireo: --mode static needs --calibration DIR (DIR/<sample>/<input>.npy, "
        + "one subfolder per sample)" + System.lineSeparator());
    Cli badMode = Cli.run("quantize", model.toString(), "-o", out.toString(), "--mode", "fast");
    assertThat(badMode.exitCode()).isEqualTo(VireoCli.USAGE);
    assertThat(badMode.err()).startsWith("vireo: unknown mode 'fast'; expected dynamic or static").hasLineCount(1);
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli emptyCal = Cli.run("quantize", model.toString(), "-o", out.toString(), "--mode", "static",
        "--calibration", empty.toString());
    assertThat(emptyCal.exitCode()).isEqualTo(VireoCli.USAGE);
    assertThat(emptyCal.err()).contains("has no sample subfolders").hasLineCount(1);
    Files.createDirectories(empty.resolve("s0"));
    Cli missing = Cli.run("quantize", model.toString(), "-o", out.toString(), "--mode", "static",
        "--calibration", empty.toString());
    assertThat(missing.err()).contains("lacks input 'x'").hasLineCount(1);
    Cli noModel = Cli.run("quantize", dir.resolve("none.onnx").toString(), "-o", out.toString(), "--mode", "dynamic");
    assertThat(noModel.exitCode()).isEqualTo(VireoCli.LOAD_FAILED);
    Cli nothing = Cli.run("quantize", model.toString(), "-o", out.toString(), "--mode", "dynamic",
        "--exclude-op-types", "Gemm,MatMul");
    assertThat(nothing.exitCode()).isEqualTo(VireoCli.USAGE);
    assertThat(nothing.err()).startsWith("vireo: nothing to quantize").hasLineCount(1);
    assertThat(out).doesNotExist();
  }
}
