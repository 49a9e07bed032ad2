package dev.vireo.exec;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * What a kernel may use while it runs: output allocation and the session's thread pool.
 *
 * <p>One context serves every run of a session and is safe to use from many threads.
 */
public final class ExecContext {
  /** A body over the index range [from, to). */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private final int threads;
  private final ForkJoinPool pool;

  /**
   * @param pool the session's pool, or null to run everything on the calling thread
   */
  public ExecContext(int threads, ForkJoinPool pool) {
    this.threads = Math.max(1, threads);
    this.pool = pool;
  }

  /** A context running on the calling thread only (tests, constant folding). */
  public static ExecContext singleThreaded() {
    return new ExecContext(1, null);
  }

  /** How many threads a kernel may split work over. */
  public int threads() {
    return threads;
  }

  /** A zero-filled output tensor. */
  public Tensor allocate(DType dtype, Shape shape) {
    return Tensor.zeros(dtype, shape);
  }

  /**
   * Runs {@code body} over [0, n) split into contiguous chunks on the session's pool, returning
   * when all are done. Work below {@code minChunk} items per chunk stays on the calling thread.
   * Nested calls are safe (the pool steals work instead of blocking).
   */
  public void parallelFor(int n, int minChunk, RangeBody body) {
    if (n <= 0) {
      return;
    }
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, minChunk)));
    if (chunks <= 1 || pool == null) {
      body.run(0, n);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              body.run(from, to);
            }
          });
    }
    if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
      ForkJoinTask.invokeAll(tasks);
    } else {
      pool.invoke(
          new RecursiveAction() {
            @Override
            protected void compute() {
              ForkJoinTask.invokeAll(tasks);
            }
          });
    }
  }
}
