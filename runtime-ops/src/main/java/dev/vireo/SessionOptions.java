package dev.vireo;

import dev.vireo.optimize.OptimizationLevel;
import java.util.Objects;

/**
 * How a {@link Session} runs. Immutable; build with {@link #defaults()} and the {@code with}
 * methods, e.g. {@code SessionOptions.defaults().withThreads(2)}.
 *
 * @param threads intra-op threads a run may use (default: the machine's available processors)
 * @param optimization how far the graph is rewritten before planning (default: {@link
 *     OptimizationLevel#ALL})
 * @param profiling whether node times are summed per operator type ({@link Session#profile()});
 *     off by default because it reads the clock twice per node
 * @param reuseBuffers whether runs recycle the buffers of dead intermediate values (default on;
 *     see {@link dev.vireo.exec.BufferPool})
 */
public record SessionOptions(
    int threads, OptimizationLevel optimization, boolean profiling, boolean reuseBuffers) {
  public SessionOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(optimization, "optimization");
  }

  public static SessionOptions defaults() {
    return new SessionOptions(Runtime.getRuntime().availableProcessors(), OptimizationLevel.ALL, false, true);
  }

  public SessionOptions withThreads(int n) {
    return new SessionOptions(n, optimization, profiling, reuseBuffers);
  }

  public SessionOptions withOptimization(OptimizationLevel level) {
    return new SessionOptions(threads, level, profiling, reuseBuffers);
  }

  public SessionOptions withProfiling(boolean on) {
    return new SessionOptions(threads, optimization, on, reuseBuffers);
  }

  public SessionOptions withReuseBuffers(boolean on) {
    return new SessionOptions(threads, optimization, profiling, on);
  }
}
