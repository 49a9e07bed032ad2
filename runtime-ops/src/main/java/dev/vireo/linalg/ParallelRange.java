package dev.vireo.linalg;

/**
 * How a linalg routine may split an index range across threads, without linalg depending on the
 * executor: typically {@code (n, minChunk, body) -> ctx.parallelFor(n, minChunk, body::run)}.
 */
@FunctionalInterface
public interface ParallelRange {
  /** Runs everything on the calling thread. */
  ParallelRange SERIAL = (n, minChunk, body) -> {
    if (n > 0) {
      body.run(0, n);
    }
  };

  /**
   * Runs body over [0, n) in contiguous chunks of at least minChunk items (one chunk when n is
   * smaller), returning when all are done.
   */
  void forRange(int n, int minChunk, Body body);

  /** A body over the index range [from, to). */
  @FunctionalInterface
  interface Body {
    void run(int from, int to);
  }
}
