package dev.vireo.bench;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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
 * all-MiniLM-L6-v2 (fp32, 6 BERT layers, hidden 384) on random token ids, full attention mask, run
 * by a Vireo {@link Session} and by onnxruntime with the same number of intra-op threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class MiniLmBenchmark extends SideBySide {
  @Param({"16", "128"})
  public int seq;

  @Param({"1", "8"})
  public int batch;

  @Param({"1"})
  public int threads;

  /**
   * Graph optimization for both runtimes: "all" (Vireo's level all, onnxruntime's ALL_OPT) or
   * "none" (Vireo's level none, onnxruntime's NO_OPT); {@code -p level=none,all} shows each
   * optimizer's gain.
   */
  @Param({"all"})
  public String level;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    file = copyResource("/all-minilm-l6-v2.onnx");
    long[] ids = new long[batch * seq];
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < ids.length; i++) {
      // Skip BERT's special and unused low ids; the vocabulary has 30522 entries.
      ids[i] = rnd.nextLong(1000, 30000);
    }
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    long[] types = new long[ids.length];
    OptimizationLevel opt = OptimizationLevel.parse(level);
    vireo = Vireo.load(file, SessionOptions.defaults().withThreads(threads).withOptimization(opt));
    feeds =
        Map.of(
            "input_ids", Tensor.of(ids, batch, seq),
            "attention_mask", Tensor.of(mask, batch, seq),
            "token_type_ids", Tensor.of(types, batch, seq));
    ort = new OrtRunner(file, threads, opt != OptimizationLevel.NONE);
    ort.feed("input_ids", ids, batch, seq);
    ort.feed("attention_mask", mask, batch, seq);
    ort.feed("token_type_ids", types, batch, seq);
  }

  /** Copies a classpath resource to a temporary file, because both runtimes load models from files. */
  static Path copyResource(String name) {
    try (InputStream in = MiniLmBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + name + " not found in benchmarks.jar");
      }
      Path f = Files.createTempFile("vireo-bench-", ".onnx");
      Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
