package dev.vireo.bench;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * int8 weights against fp32 weights in Vireo, single thread.
 *
 * <p>{@code matMulInt8} runs the pattern the dynamically quantized MiniLM uses for every linear
 * layer (DynamicQuantizeLinear, MatMulInteger with constant int8 weights and per-column zero
 * points, Cast, Mul by the scales) and {@code matMulFp32} a MatMul with constant fp32 weights, at
 * shape {@code MxKxN}. {@code miniLm*} run all-MiniLM-L6-v2 at 128 tokens: the int8 model in
 * Vireo and in onnxruntime, and the fp32 model in Vireo.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class Int8Benchmark {
  /** One linear layer, int8 and fp32. */
  @State(Scope.Benchmark)
  public static class Layer {
    @Param({"1x384x1536", "4x384x1536", "128x384x1536", "1x1536x384", "4x1536x384", "128x1536x384"})
    public String shape;

    Session int8;
    Session fp32;
    Map<String, Tensor> feeds;

    @Setup(Level.Trial)
    public void setup() {
      String[] p = shape.split("x");
      int m = Integer.parseInt(p[0]);
      int k = Integer.parseInt(p[1]);
      int n = Integer.parseInt(p[2]);
      SplittableRandom rnd = new SplittableRandom(42);
      float[] a = GemmBenchmark.random(rnd, m * k);
      float[] w = GemmBenchmark.random(rnd, k * n);
      int8 = Vireo.create(quantizedMatMul(m, k, n, rnd), SessionOptions.defaults().withThreads(1));
      fp32 = Vireo.create(GemmBenchmark.matMul(m, k, n, w), SessionOptions.defaults().withThreads(1));
      feeds = Map.of("a", Tensor.of(a, m, k));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      int8.close();
      fp32.close();
    }
  }

  /** all-MiniLM-L6-v2, int8 and fp32, 128 tokens. */
  @State(Scope.Benchmark)
  public static class MiniLm {
    @Param({"128"})
    public int seq;

    Session int8;
    Session fp32;
    OrtRunner ortInt8;
    Map<String, Tensor> feeds;
    Path int8File;
    Path fp32File;

    @Setup(Level.Trial)
    public void setup() throws Exception {
      int8File = MiniLmBenchmark.copyResource("/all-minilm-l6-v2-q.onnx");
      fp32File = MiniLmBenchmark.copyResource("/all-minilm-l6-v2.onnx");
      long[] ids = new long[seq];
      SplittableRandom rnd = new SplittableRandom(3);
      for (int i = 0; i < seq; i++) {
        ids[i] = rnd.nextLong(1000, 30000);
      }
      long[] mask = new long[seq];
      Arrays.fill(mask, 1);
      long[] types = new long[seq];
      int8 = Vireo.load(int8File, SessionOptions.defaults().withThreads(1));
      fp32 = Vireo.load(fp32File, SessionOptions.defaults().withThreads(1));
      feeds = Map.of("input_ids", Tensor.of(ids, 1, seq), "attention_mask", Tensor.of(mask, 1, seq),
          "token_type_ids", Tensor.of(types, 1, seq));
      ortInt8 = new OrtRunner(int8File, 1);
      ortInt8.feed("input_ids", ids, 1, seq);
      ortInt8.feed("attention_mask", mask, 1, seq);
      ortInt8.feed("token_type_ids", types, 1, seq);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      int8.close();
      fp32.close();
      ortInt8.close();
      Files.deleteIfExists(int8File);
      Files.deleteIfExists(fp32File);
    }
  }

  /** DynamicQuantizeLinear → MatMulInteger (int8 weights, per-column zero points) → Cast → Mul. */
  static Model quantizedMatMul(int m, int k, int n, SplittableRandom rnd) {
    GraphBuilder b = new GraphBuilder("int8-" + m + "x" + k + "x" + n, 13);
    Value a = b.input("a", DType.FLOAT, m, k);
    Value[] q = b.ops("DynamicQuantizeLinear", null, 3, List.of(), a);
    byte[] w = new byte[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (byte) rnd.nextInt(-127, 128);
    }
    float[] scales = new float[n];
    Arrays.fill(scales, 0.01f);
    Value wq = b.constant("w", Tensor.wrap(DType.INT8, Shape.of(k, n), w));
    Value wzp = b.constant("w_zero_point", Tensor.wrap(DType.INT8, Shape.of(n), new byte[n]));
    Value ws = b.constant("w_scale", Tensor.of(scales, n));
    Value product = b.op("MatMulInteger", q[0], wq, q[2], wzp);
    Value asFloat = b.op("Cast", List.of(Attribute.of("to", 1L)), product);
    Value scale = b.op("Mul", q[1], ws);
    b.output(b.named("c", "Mul", List.of(), asFloat, scale));
    return b.build();
  }

  @Benchmark
  public Map<String, Tensor> matMulInt8(Layer s) {
    return s.int8.run(s.feeds);
  }

  @Benchmark
  public Map<String, Tensor> matMulFp32(Layer s) {
    return s.fp32.run(s.feeds);
  }

  @Benchmark
  public Map<String, Tensor> miniLmInt8(MiniLm s) {
    return s.int8.run(s.feeds);
  }

  @Benchmark
  public Map<String, Tensor> miniLmFp32(MiniLm s) {
    return s.fp32.run(s.feeds);
  }

  @Benchmark
  public int miniLmInt8Onnxruntime(MiniLm s) throws Exception {
    return s.ortInt8.run();
  }
}
