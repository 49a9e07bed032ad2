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
 */
public record SessionOptions(int threads, OptimizationLevel optimization, boolean profiling) {
  public SessionOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(optimization, "optimization");
  }

  public static SessionOptions defaults() {
    return new SessionOptions(Runtime.getRuntime().availableProcessors(), OptimizationLevel.ALL, false);
  }

  public SessionOptions withThreads(int n) {
    return new SessionOptions(n, optimization, profiling);
  }

  public SessionOptions withOptimization(OptimizationLevel level) {
    return new SessionOptions(threads, level, profiling);
  }

  public SessionOptions withProfiling(boolean on) {
    return new SessionOptions(threads, optimization, on);
  }
}
