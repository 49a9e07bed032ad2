package dev.vireo.cli;

import static dev.vireo.cli.VireoCliTest.assertOneLineError;
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
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vireo optimize}: written models, levels, --portable, errors. */
class OptimizeCommandTest {
  @TempDir Path dir;

  private static Tensor random(long seed, int... dims) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[Shape.of(dims).size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextDouble() - 0.5);
    }
    return Tensor.wrap(DType.FLOAT, Shape.of(dims), d);
  }

  /** Conv → BatchNormalization → Relu → Identity → y. */
  private Path convBnRelu() {
    GraphBuilder b = new GraphBuilder("cnn", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(2), Dim.of(6), Dim.of(6));
    Value h = b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3)), x,
        b.constant("w", random(1, 3, 2, 3, 3)), b.constant("b", random(2, 3)));
    Tensor var = random(6, 3);
    for (int i = 0; i < 3; i++) {
      var.floats()[i] += 1;
    }
    h = b.op("BatchNormalization", h, b.constant("s", random(3, 3)), b.constant("bb", random(4, 3)),
        b.constant("m", random(5, 3)), b.constant("v", var));
    b.output(b.named("y", "Identity", List.of(), b.op("Relu", h)));
    Path p = dir.resolve("cnn.onnx");
    OnnxWriter.write(b.build(), p);
    return p;
  }

  private static List<String> ops(Model m) {
    return m.graph().nodes().stream().map(n -> n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType())
        .toList();
  }

  private static Tensor run(Path model) {
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(1)
        .withOptimization(OptimizationLevel.NONE))) {
      return s.run(Map.of("x", random(9, 2, 2, 6, 6))).get("y");
    }
  }

  @Test
  void writesTheOptimizedModelAndPrintsTheReport() {
    Path in = convBnRelu();
    Path out = dir.resolve("out.onnx");
    Cli r = Cli.run("optimize", in.toString(), "-o", out.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("optimization level all: 4 -> 1 nodes")
        .contains("conv-batchnorm-fusion").contains("com.microsoft:FusedConv").contains("wrote " + out);
    Model m = OnnxLoader.load(out);
    assertThat(ops(m)).containsExactly("com.microsoft:FusedConv");
    assertThat(m.opsetImports()).containsEntry("com.microsoft", 1);
    Node f = m.graph().nodes().get(0);
    assertThat(f.attrString("activation", null)).isEqualTo("Relu");
    assertThat(f.output(0).name()).isEqualTo("y");
    assertThat(run(out).floats()).containsExactly(run(in).floats(), org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void portableAndBasicKeepStandardOps() {
    Path in = convBnRelu();
    Path portable = dir.resolve("portable.onnx");
    Path basic = dir.resolve("basic.onnx");
    assertThat(Cli.run("optimize", in.toString(), "-o", portable.toString(), "--portable").exitCode()).isZero();
    assertThat(Cli.run("optimize", in.toString(), "-o", basic.toString(), "--level", "BASIC").exitCode()).isZero();
    for (Path p : List.of(portable, basic)) {
      Model m = OnnxLoader.load(p);
      assertThat(ops(m)).containsExactly("Conv", "Relu");
      assertThat(m.opsetImports()).containsOnlyKeys("");
      assertThat(run(p).floats()).containsExactly(run(in).floats(), org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void errorsAreOneLineWithTheirExitCodes() {
    Path in = convBnRelu();
    assertOneLineError(Cli.run("optimize", in.toString(), "-o", dir.resolve("o.onnx").toString(), "--level", "max"),
        2, "unknown optimization level 'max'");
    assertOneLineError(Cli.run("optimize", in.toString()), 2, "-o");
    assertOneLineError(Cli.run("optimize", in.toString(), "-o", in.toString()), 2, "is the input model");
    assertOneLineError(Cli.run("optimize", in.toString(), "-o", dir.resolve("no/such/o.onnx").toString()),
        2, "does not exist");
    assertOneLineError(Cli.run("optimize", dir.resolve("missing.onnx").toString(), "-o",
        dir.resolve("o.onnx").toString()), 3, "model file not found");
  }
}
