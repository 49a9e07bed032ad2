package dev.vireo.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
 * The machine's fp32 FMA peak as pure Java reaches it: twelve independent {@link FloatVector}
 * accumulators (enough to cover FMA latency × FMA ports) at the preferred width, on each of {@code
 * threads} threads. Every invocation does exactly {@link #FLOPS_PER_THREAD} flops per thread whatever
 * the vector width, so GFLOP/s = threads · FLOPS_PER_THREAD / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PeakFlopsBenchmark {
  /** Flops one thread does per invocation: 3·2^28, divisible by 12 accumulators · 2 · CHUNK · any lane count ≤ 2^13. */
  public static final long FLOPS_PER_THREAD = 3L << 28;

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int ACCUMULATORS = 12;
  /**
   * Loop iterations per {@link #fmaLoop} call. The work is cut into short calls because one long loop
   * gets only an OSR compilation, where the accumulators entering from the interpreter stay boxed
   * and the loop ran ~300× slower than peak.
   */
  private static final int CHUNK = 4096;

  @Param({"1"})
  public int threads;

  private ExecutorService pool;

  @Setup(Level.Trial)
  public void setup() {
    pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
  }

  @Benchmark
  public float vireo() throws Exception {
    if (pool == null) {
      return perThread(1f);
    }
    @SuppressWarnings("unchecked")
    Future<Float>[] others = new Future[threads - 1];
    for (int t = 0; t < others.length; t++) {
      float seed = t + 2;
      others[t] = pool.submit(() -> perThread(seed));
    }
    float sum = perThread(1f);
    for (Future<Float> f : others) {
      sum += f.get();
    }
    return sum;
  }

  /** Exactly {@link #FLOPS_PER_THREAD} flops on the calling thread. */
  static float perThread(float seed) {
    long calls = FLOPS_PER_THREAD / (2L * ACCUMULATORS * SPECIES.length() * CHUNK);
    float sum = 0;
    for (long c = 0; c < calls; c++) {
      sum += fmaLoop(CHUNK, seed);
    }
    return sum;
  }

  /** Twelve independent FMA chains; the result depends on all of them so none is dead code. */
  static float fmaLoop(int iterations, float seed) {
    FloatVector a = FloatVector.broadcast(SPECIES, 0.999999f);
    FloatVector b = FloatVector.broadcast(SPECIES, 1e-7f);
    FloatVector c0 = FloatVector.broadcast(SPECIES, seed);
    FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
    FloatVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
    for (int i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    FloatVector s = c0.add(c1).add(c2).add(c3).add(c4).add(c5);
    s = s.add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
    return s.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
