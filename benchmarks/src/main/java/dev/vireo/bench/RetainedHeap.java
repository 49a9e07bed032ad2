package dev.vireo.bench;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Heap a loaded all-MiniLM-L6-v2 session keeps (weights, pre-packed panels, kept buffers): used
 * heap after a full GC with the session open and run once, minus the used heap before loading.
 * Run one JVM per model so that nothing else stays on the heap:
 * {@code java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp benchmarks.jar
 * dev.vireo.bench.RetainedHeap /all-minilm-l6-v2-q.onnx}.
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: RetainedHeap /classpath-resource.onnx");
      System.exit(2);
    }
    Path file = MiniLmBenchmark.copyResource(args[0]);
    long before = usedAfterGc();
    try (Session s = Vireo.load(file, SessionOptions.defaults().withThreads(1))) {
      int seq = 128;
      long[] ids = new long[seq];
      long[] mask = new long[seq];
      for (int i = 0; i < seq; i++) {
        ids[i] = 1000 + i;
      }
      Arrays.fill(mask, 1);
      s.run(Map.of("input_ids", Tensor.of(ids, 1, seq), "attention_mask", Tensor.of(mask, 1, seq),
          "token_type_ids", Tensor.of(new long[seq], 1, seq)));
      long retained = usedAfterGc() - before;
      System.out.printf(Locale.ROOT, "%s: model file %d bytes, retained heap %d bytes (%.1f MB)%n",
          args[0], Files.size(file), retained, retained / 1e6);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long usedAfterGc() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
