package dev.vireo.bench;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.exec.ExecContext;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.linalg.PackedMatrix;
import dev.vireo.linalg.ParallelRange;
import dev.vireo.linalg.Sgemm;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.vireo.exec.WorkerPool;
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
 * fp32 MatMul C[M×N] = A[M×K]·B[K×N] through a one-node model whose B is an initializer (constant
 * weights, as in a real network), run by a Vireo {@link Session} and by onnxruntime on the same
 * model file, and by Vireo's GEMM alone on a pre-packed B ({@link #vireoPacked}, no session
 * overhead). The shape parameter is {@code MxKxN}; GFLOP/s = 2·M·K·N / time (the report computes
 * it); compare with {@link PeakFlopsBenchmark} run at the same time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmBenchmark {
  @Param({
    "64x64x64", "128x128x128", "256x256x256", "512x512x512", "1024x1024x1024",
    "128x384x384", "128x384x1536", "128x1536x384"
  })
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private Session vireo;
  private int m;
  private float[] a;
  private float[] c;
  private PackedMatrix packed;
  private WorkerPool pool;
  private ParallelRange par;
  private Map<String, Tensor> feeds;
  private OrtRunner ort;
  private Path file;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    String[] p = shape.split("x");
    m = Integer.parseInt(p[0]);
    int k = Integer.parseInt(p[1]);
    int n = Integer.parseInt(p[2]);
    SplittableRandom rnd = new SplittableRandom(42);
    a = random(rnd, m * k);
    float[] w = random(rnd, k * n);
    c = new float[m * n];
    packed = Sgemm.packB(w, k, n, false);
    pool = threads > 1 ? new WorkerPool(threads) : null;
    ExecContext ctx = ExecContext.of(pool, null, null);
    par = (count, grain, body) -> ctx.parallelFor(count, grain, body::run);
    Model model = matMul(m, k, n, w);
    file = Files.createTempFile("vireo-gemm-" + shape + "-", ".onnx");
    OnnxWriter.write(model, file);
    vireo = Vireo.create(model, SessionOptions.defaults().withThreads(threads));
    feeds = Map.of("a", Tensor.of(a, m, k));
    ort = new OrtRunner(file, threads);
    ort.feed("a", a, m, k);
  }

  static Model matMul(int m, int k, int n, float[] weights) {
    GraphBuilder b = new GraphBuilder("gemm-" + m + "x" + k + "x" + n, 17);
    Value a = b.input("a", DType.FLOAT, m, k);
    Value w = b.constant("b", Tensor.of(weights, k, n));
    b.output(b.named("c", "MatMul", List.of(), a, w));
    return b.build();
  }

  static float[] random(SplittableRandom rnd, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) rnd.nextDouble(-1, 1);
    }
    return x;
  }

  @Benchmark
  public Map<String, Tensor> vireo() {
    return vireo.run(feeds);
  }

  @Benchmark
  public float[] vireoPacked() {
    Sgemm.sgemm(false, m, 1f, a, 0, packed.rows(), packed, 0f, c, 0, packed.columns(), par);
    return c;
  }

  @Benchmark
  public int onnxruntime() throws Exception {
    return ort.run();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    vireo.close();
    ort.close();
    if (pool != null) {
      pool.close();
    }
    Files.deleteIfExists(file);
  }
}
