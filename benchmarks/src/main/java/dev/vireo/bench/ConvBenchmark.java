package dev.vireo.bench;

import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.util.List;
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
 * Single Conv layers typical of ResNet and MobileNet (batch 1, with bias, constant weights) on
 * Vireo and onnxruntime:
 *
 * <ul>
 *   <li>{@code 3x3_64_56}: 3×3, 64 → 64 channels, 56×56, pad 1 (ResNet stage 1)
 *   <li>{@code 1x1_256to64_56}: 1×1, 256 → 64 channels, 56×56 (bottleneck reduce)
 *   <li>{@code dw3x3s1_32_112}, {@code dw3x3s2_32_112}: depthwise 3×3, 32 channels, 112×112,
 *       pad 1, stride 1 or 2 (MobileNet)
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ConvBenchmark extends SideBySide {
  @Param({"3x3_64_56", "1x1_256to64_56", "dw3x3s1_32_112", "dw3x3s2_32_112"})
  public String layer;

  @Param({"1"})
  public int threads;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    int[] p = switch (layer) {
      // C in, C out, kernel, stride, spatial, group
      case "3x3_64_56" -> new int[] {64, 64, 3, 1, 56, 1};
      case "1x1_256to64_56" -> new int[] {256, 64, 1, 1, 56, 1};
      case "dw3x3s1_32_112" -> new int[] {32, 32, 3, 1, 112, 32};
      case "dw3x3s2_32_112" -> new int[] {32, 32, 3, 2, 112, 32};
      default -> throw new IllegalArgumentException("unknown layer " + layer);
    };
    Model model = convModel(p[0], p[1], p[2], p[3], p[4], p[5]);
    file = Files.createTempFile("vireo-conv-", ".onnx");
    OnnxWriter.write(model, file);
    float[] x = GemmBenchmark.random(new SplittableRandom(7), p[0] * p[4] * p[4]);
    vireo = Vireo.create(model, SessionOptions.defaults().withThreads(threads));
    feeds = Map.of("x", Tensor.of(x, 1, p[0], p[4], p[4]));
    ort = new OrtRunner(file, threads);
    ort.feed("x", x, 1, p[0], p[4], p[4]);
  }

  /** x f32[1,cin,size,size] → Conv k×k (pad k/2, stride, group) with bias → y. */
  static Model convModel(int cin, int cout, int k, int stride, int size, int group) {
    SplittableRandom rnd = new SplittableRandom(5);
    GraphBuilder b = new GraphBuilder("conv", 17);
    Value x = b.input("x", DType.FLOAT, 1, cin, size, size);
    Value w = b.constant("w", Tensor.wrap(DType.FLOAT, Shape.of(cout, cin / group, k, k),
        GemmBenchmark.random(rnd, cout * cin / group * k * k)));
    Value bias = b.constant("b", Tensor.wrap(DType.FLOAT, Shape.of(cout), GemmBenchmark.random(rnd, cout)));
    int pad = k / 2;
    b.output(b.named("y", "Conv", List.of(Attribute.ints("kernel_shape", k, k),
        Attribute.ints("strides", stride, stride), Attribute.ints("pads", pad, pad, pad, pad),
        Attribute.of("group", (long) group)), x, w, bias));
    return b.build();
  }
}
