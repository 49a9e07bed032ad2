package dev.vireo.bench;

import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.Tensor;
import dev.vireo.testdata.TestModels;
import java.nio.file.Files;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CNNs end to end on Vireo and onnxruntime: TestModels' cnn-small (3 Conv+BN+Relu blocks on
 * 3×32×32 images) and the ImageNet-sized resnet18 and mobilenetv2 (3×224×224, random weights,
 * built in code and written to a temporary file at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CnnBenchmark extends SideBySide {
  @Param({"cnn-small", "resnet18", "mobilenetv2"})
  public String model;

  @Param({"1", "8"})
  public int batch;

  @Param({"1"})
  public int threads;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Model m = TestModels.build(model);
    file = Files.createTempFile("vireo-" + model + "-", ".onnx");
    OnnxWriter.write(m, file);
    int size = model.equals("cnn-small") ? 32 : 224;
    float[] x = GemmBenchmark.random(new SplittableRandom(7), batch * 3 * size * size);
    vireo = Vireo.create(m, SessionOptions.defaults().withThreads(threads));
    feeds = Map.of("x", Tensor.of(x, batch, 3, size, size));
    ort = new OrtRunner(file, threads);
    ort.feed("x", x, batch, 3, size, size);
  }
}
