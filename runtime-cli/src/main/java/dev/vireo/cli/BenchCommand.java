package dev.vireo.cli;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.ir.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vireo bench MODEL}: times repeated runs of a model on given or made-up inputs and prints
 * latency percentiles, throughput and peak heap, as text or as one JSON object.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VireoCli.Version.class,
    description = "Time repeated runs of a model: latency percentiles, throughput, peak heap.")
final class BenchCommand extends VireoCommand {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx file.")
  Path modelFile;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=FILE",
      description = "An input from a .npy file or a serialized TensorProto (.pb). Repeatable; "
          + "inputs not given are filled with random data.")
  Map<String, Path> inputFiles = new LinkedHashMap<>();

  @Option(names = "--threads", paramLabel = "N", description = "Threads per run (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--warmup", paramLabel = "N", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
  int warmup = 10;

  @Option(names = "--iterations", paramLabel = "N", description = "Timed runs (default ${DEFAULT-VALUE}).")
  int iterations = 50;

  @Option(names = "--dim", paramLabel = "SYMBOL=VALUE",
      description = "The size of a symbolic dimension for random inputs (default 1). Repeatable.")
  Map<String, Long> dims = new LinkedHashMap<>();

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--json", description = "Print the results as one JSON object on the last line.")
  boolean json;

  @Option(names = "--profile", description = "Also print the time per operator type over the timed runs.")
  boolean profile;

  /** The summary of a benchmark. */
  record Result(String model, int threads, int warmup, int iterations, double loadMs, double firstRunMs,
      double p50Ms, double p90Ms, double p99Ms, double meanMs, double minMs, double maxMs,
      double throughput, long peakHeapBytes) {

    String toJson() {
      return String.format(Locale.ROOT, "{\"model\":%s,\"threads\":%d,\"warmup\":%d,\"iterations\":%d,"
          + "\"load_ms\":%.3f,\"first_run_ms\":%.3f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,"
          + "\"mean_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"throughput_per_s\":%.3f,"
          + "\"peak_heap_bytes\":%d}", quote(model), threads, warmup, iterations, loadMs, firstRunMs,
          p50Ms, p90Ms, p99Ms, meanMs, minMs, maxMs, throughput, peakHeapBytes);
    }

    String toText() {
      return String.format(Locale.ROOT, "model: %s (%d threads, %d warm-up runs, %d timed runs)%n"
          + "load: %.1f ms, first run: %.1f ms%n"
          + "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  mean %.3f  min %.3f  max %.3f%n"
          + "throughput: %.2f inferences/s%n"
          + "peak heap: %.1f MiB%n", model, threads, warmup, iterations, loadMs, firstRunMs,
          p50Ms, p90Ms, p99Ms, meanMs, minMs, maxMs, throughput, peakHeapBytes / (1024.0 * 1024.0));
    }
  }

  @Override
  int execute() throws Exception {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("--iterations must be >= 1, got " + iterations);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
    }
    Inputs.checkDims(dims);
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    Model model = Models.load(modelFile);
    Map<String, Object> feeds = Inputs.readAll(model, inputFiles);
    try (Session session = Models.session(model,
        SessionOptions.defaults().withThreads(threads).withProfiling(profile))) {
      double loadMs = (System.nanoTime() - t0) / 1e6;
      Inputs.fillRandom(session, feeds, dims, seed, err());
      ProgressBar bar = new ProgressBar(err(), ProgressBar.stderrIsTerminal(), "bench", warmup + iterations);
      double firstRunMs = 0;
      for (int i = 0; i < warmup; i++) {
        long s = System.nanoTime();
        Models.run(session, feeds);
        if (i == 0) {
          firstRunMs = (System.nanoTime() - s) / 1e6;
        }
        bar.update(i + 1);
      }
      if (profile) {
        session.profile().reset();
      }
      double[] ms = new double[iterations];
      long start = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        long s = System.nanoTime();
        Models.run(session, feeds);
        ms[i] = (System.nanoTime() - s) / 1e6;
        if (warmup == 0 && i == 0) {
          firstRunMs = ms[0];
        }
        bar.update(warmup + i + 1);
      }
      double totalSeconds = (System.nanoTime() - start) / 1e9;
      bar.finish();
      Result r = summarize(modelFile.toString(), ms, totalSeconds, loadMs, firstRunMs, peakHeap(heap));
      if (profile) {
        out().print(session.profile().format());
      }
      out().println(json ? r.toJson() : r.toText().stripTrailing());
    }
    return VireoCli.OK;
  }

  private Result summarize(String model, double[] ms, double totalSeconds, double loadMs, double firstRunMs,
      long peakHeap) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(ms).sum() / ms.length;
    return new Result(model, threads, warmup, ms.length, loadMs, firstRunMs,
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), mean,
        sorted[0], sorted[sorted.length - 1], ms.length / totalSeconds, peakHeap);
  }

  /** The nearest-rank percentile of sorted values: the smallest value at or above p% of them. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
  }

  /**
   * The sum of the heap pools' peak usage since they were reset: an upper bound of the peak heap
   * (pools peak at different moments), and what the collector had to make room for.
   */
  private static long peakHeap(List<MemoryPoolMXBean> pools) {
    return pools.stream().mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
