package dev.vireo;

/**
 * How a {@link Session} runs. Immutable; build with {@link #defaults()} and the {@code with}
 * methods, e.g. {@code SessionOptions.defaults().withThreads(2)}.
 *
 * @param threads intra-op threads a run may use (default: the machine's available processors)
 */
public record SessionOptions(int threads) {
  public SessionOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  public static SessionOptions defaults() {
    return new SessionOptions(Runtime.getRuntime().availableProcessors());
  }

  public SessionOptions withThreads(int n) {
    return new SessionOptions(n);
  }
}
