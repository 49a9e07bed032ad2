package dev.vireo.exec;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a kernel may use while it runs: output allocation and the session's thread pool.
 *
 * <p>Sessions split work over a {@link WorkerPool} (hand-off in about a microsecond, so kernels
 * may split work of a few microseconds per thread); a {@link ForkJoinPool} is still accepted,
 * at the cost of a worker wake-up per split.
 *
 * <p>A session's context serves every run and is safe to use from many threads. With a {@link
 * BufferPool}, each top-level {@link Executor#run} gives its kernels a per-run view of it whose
 * allocations come from, and return to, that run's {@link BufferArena}.
 */
public final class ExecContext {
  /** A body over the index range [from, to). */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private final int threads;
  private final ForkJoinPool pool;
  private final WorkerPool workers;
  private final Profile profile;
  private final BufferPool buffers;
  /** The run this view belongs to; null for a session's (shared) context. */
  private final BufferArena arena;

  /**
   * @param pool the session's pool, or null to run everything on the calling thread
   */
  public ExecContext(int threads, ForkJoinPool pool) {
    this(threads, pool, null);
  }

  /**
   * @param profile where node times are summed, or null to not measure them
   */
  public ExecContext(int threads, ForkJoinPool pool, Profile profile) {
    this(threads, pool, profile, null);
  }

  /**
   * @param buffers where runs recycle tensor buffers, or null to allocate every output anew
   */
  public ExecContext(int threads, ForkJoinPool pool, Profile profile, BufferPool buffers) {
    this(threads, pool, null, profile, buffers, null);
  }

  /**
   * A context splitting work over all threads of a session's {@link WorkerPool} (the
   * low-latency choice).
   *
   * @param workers the pool, or null to run everything on the calling thread
   * @param profile where node times are summed, or null to not measure them
   * @param buffers where runs recycle tensor buffers, or null to allocate every output anew
   */
  public static ExecContext of(WorkerPool workers, Profile profile, BufferPool buffers) {
    return new ExecContext(workers == null ? 1 : workers.threads(), null, workers, profile, buffers, null);
  }

  private ExecContext(int threads, ForkJoinPool pool, WorkerPool workers, Profile profile,
      BufferPool buffers, BufferArena arena) {
    this.threads = Math.max(1, threads);
    this.pool = pool;
    this.workers = workers;
    this.profile = profile;
    this.buffers = buffers;
    this.arena = arena;
  }

  /** The view of this context that one run, owning {@code arena}, gives its kernels. */
  ExecContext forRun(BufferArena arena) {
    return new ExecContext(threads, pool, workers, profile, buffers, arena);
  }

  /** The buffer pool runs recycle into; null when outputs are always new arrays. */
  public BufferPool buffers() {
    return buffers;
  }

  /** The arena of the run this view belongs to; null outside a run. */
  BufferArena arena() {
    return arena;
  }

  /** The profile node times go to; null when profiling is off. */
  public Profile profile() {
    return profile;
  }

  /** A context running on the calling thread only (tests, constant folding). */
  public static ExecContext singleThreaded() {
    return new ExecContext(1, null);
  }

  /** How many threads a kernel may split work over. */
  public int threads() {
    return threads;
  }

  /**
   * A zero-filled output tensor, possibly on a buffer a dead value of this run or an earlier one
   * left. The kernel owns it until it returns it as an output; it must not keep it afterwards.
   */
  public Tensor allocate(DType dtype, Shape shape) {
    return arena == null ? Tensor.zeros(dtype, shape) : arena.take(dtype, shape, true);
  }

  /**
   * An output tensor whose contents are unspecified (possibly a reused buffer holding old
   * values): for kernels that write every element, so the zero-fill is saved. Same ownership
   * rule as {@link #allocate}.
   */
  public Tensor allocateUninitialized(DType dtype, Shape shape) {
    return arena == null ? Tensor.zeros(dtype, shape) : arena.take(dtype, shape, false);
  }

  /**
   * Gives back a scratch tensor the calling kernel got from {@link #allocate} or {@link
   * #allocateUninitialized} of this context and will neither return nor keep: its buffer may serve
   * the run's later allocations. Does nothing outside a run, or for a tensor the run does not own
   * or that a slot already holds.
   */
  public void release(Tensor scratch) {
    if (arena != null) {
      arena.release(scratch);
    }
  }

  /**
   * Runs {@code body} over [0, n) split into contiguous chunks on the session's pool, returning
   * when all are done. Work below {@code minChunk} items per chunk stays on the calling thread.
   * The calling thread takes part; nested calls are safe. The first exception a chunk throws is
   * rethrown here once every started chunk has finished.
   */
  public void parallelFor(int n, int minChunk, RangeBody body) {
    if (n <= 0) {
      return;
    }
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, minChunk)));
    if (chunks <= 1 || (pool == null && workers == null)) {
      body.run(0, n);
    } else if (workers != null) {
      workers.run(n, Math.min(chunks, WorkerPool.MAX_CHUNKS), body);
    } else {
      new Split(n, chunks, body).run(pool);
    }
  }

  /**
   * One parallelFor call on a ForkJoinPool. The calling thread claims chunks itself alongside the pool's workers
   * (an atomic counter hands them out), so it never sits waiting for a worker to wake up when it
   * could do the work: small splits cost little more than running inline, and nested calls cannot
   * deadlock (every unclaimed chunk is eventually claimed by the caller). The caller waits only
   * for chunks other threads are already running.
   */
  private static final class Split implements Runnable {
    private final int n;
    private final int chunks;
    private final RangeBody body;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Split(int n, int chunks, RangeBody body) {
      this.n = n;
      this.chunks = chunks;
      this.body = body;
      this.done = new CountDownLatch(chunks);
    }

    void run(ForkJoinPool pool) {
      for (int i = 1; i < chunks; i++) {
        pool.execute(this);
      }
      run();
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }

    /** Claims and runs chunks until none is left. */
    @Override
    public void run() {
      int c;
      while ((c = next.getAndIncrement()) < chunks) {
        try {
          if (failure.get() == null) {
            body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          done.countDown();
        }
      }
    }
  }
}
