package dev.vireo.exec;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's intra-op threads: runs one range split at a time across its workers and the
 * calling thread, with a hand-off of about a microsecond when the workers are awake.
 *
 * <p>Contract of {@link #run}: every chunk of the range runs exactly once, the call returns when
 * all have finished, and the first exception a chunk throws is rethrown to the caller (the same
 * object, message intact). A call made while another is in progress (a nested call from inside a
 * chunk, or a concurrent run of the same session) runs on its calling thread, so calls never wait
 * on each other and cannot deadlock. After {@link #close} the workers have stopped and every call
 * runs on its calling thread.
 *
 * <p>Implementation notes: the job in progress is one long, {@code ctl}: a 32-bit epoch (one per
 * call), the chunk count (16 bits) and the next unclaimed chunk (16 bits). Threads claim chunks by
 * compare-and-set on it, so a worker that wakes late for an old epoch fails its claim and can
 * never run a chunk of a newer call; the body and the range length are read only after a
 * successful claim, when the call that wrote them is known to be still live. Idle workers spin on
 * {@code ctl} for {@link #SPIN_NANOS} after their last chunk (calls inside one inference follow
 * each other within microseconds), then park; the caller unparks only workers that announced
 * they parked. The caller claims chunks like any worker, so it never waits for a worker that has
 * not started; it waits only for chunks already running, spinning briefly and then parking until
 * the thread that finishes the last chunk unparks it. Nothing is allocated per call.
 */
public final class WorkerPool implements AutoCloseable {
  /** How long an idle worker (or a caller waiting for running chunks) spins before parking. */
  static final long SPIN_NANOS = 50_000;
  /** Spin iterations between reads of the clock. */
  private static final int SPINS_PER_CLOCK_READ = 64;
  private static final int CHUNK_BITS = 16;
  /** Most chunks one call may have. */
  public static final int MAX_CHUNKS = (1 << CHUNK_BITS) - 1;
  private static final long CHUNK_MASK = MAX_CHUNKS;
  private static final long EPOCH_MASK = 0xFFFF_FFFFL;

  private final Worker[] workers;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong ctl = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** The caller parked waiting for the last running chunks, or null. */
  private volatile Thread waiter;
  private volatile boolean closed;
  // the call in progress; written before ctl publishes it, read only after a successful claim
  private ExecContext.RangeBody body;
  private int length;

  /**
   * Starts {@code threads - 1} daemon workers named {@code vireo-worker-<i>}: the thread calling
   * {@link #run} is the last one.
   *
   * @throws IllegalArgumentException when threads is below 2 (one thread needs no pool)
   */
  public WorkerPool(int threads) {
    if (threads < 2) {
      throw new IllegalArgumentException("WorkerPool: needs at least 2 threads, got " + threads);
    }
    workers = new Worker[threads - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker("vireo-worker-" + i);
    }
    for (Worker w : workers) {
      w.thread.start();
    }
  }

  /** Threads that work on one call: the workers and the caller. */
  public int threads() {
    return workers.length + 1;
  }

  /**
   * Runs {@code body} over [0, n) cut into {@code chunks} contiguous pieces of near-equal size
   * (chunk c is [n·c/chunks, n·(c+1)/chunks)), returning when all have run.
   *
   * @throws IllegalArgumentException when chunks is not in [1, min(n, MAX_CHUNKS)]
   */
  public void run(int n, int chunks, ExecContext.RangeBody body) {
    if (chunks < 1 || chunks > n || chunks > MAX_CHUNKS) {
      throw new IllegalArgumentException("WorkerPool: " + chunks + " chunks for a range of " + n);
    }
    if (chunks == 1 || closed || !busy.compareAndSet(false, true)) {
      body.run(0, n);
      return;
    }
    try {
      this.body = body;
      this.length = n;
      done.set(0);
      long epoch = nextEpoch(ctl.get() >>> 32);
      ctl.set(epoch << 32 | (long) chunks << CHUNK_BITS);
      wake(chunks - 1);
      claimAndRun(epoch);
      awaitChunks(chunks);
      this.body = null;
      Throwable t = failure.getAndSet(null);
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t.getMessage(), t);
      }
    } finally {
      busy.set(false);
    }
  }

  /** The epoch after e: 32 bits, wrapping past 0 (the epoch no call has, which workers start at). */
  static long nextEpoch(long e) {
    long next = (e + 1) & EPOCH_MASK;
    return next == 0 ? 1 : next;
  }

  /** Sets the last call's epoch, before any call: lets tests run calls across the wrap-around. */
  void lastEpochForTest(long e) {
    ctl.set(e << 32);
  }

  /** Unparks up to count workers that are parked. */
  private void wake(int count) {
    for (int i = 0; i < workers.length && count > 0; i++) {
      Worker w = workers[i];
      if (w.parked) {
        w.parked = false;
        LockSupport.unpark(w.thread);
        count--;
      }
    }
  }

  /** Claims and runs chunks of call {@code epoch} until none is left or a newer call started. */
  private void claimAndRun(long epoch) {
    long v = ctl.get();
    while (v >>> 32 == epoch) {
      int next = (int) (v & CHUNK_MASK);
      int chunks = (int) ((v >>> CHUNK_BITS) & CHUNK_MASK);
      if (next >= chunks) {
        return;
      }
      if (ctl.compareAndSet(v, v + 1)) {
        runChunk(next, chunks);
      }
      v = ctl.get();
    }
  }

  private void runChunk(int c, int chunks) {
    try {
      if (failure.get() == null) {
        int n = length;
        body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      if (done.incrementAndGet() == chunks) {
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }
  }

  private void awaitChunks(int chunks) {
    if (done.get() == chunks) {
      return;
    }
    long deadline = System.nanoTime() + SPIN_NANOS;
    for (int i = 1; done.get() != chunks; i++) {
      Thread.onSpinWait();
      if (i % SPINS_PER_CLOCK_READ == 0 && System.nanoTime() > deadline) {
        waiter = Thread.currentThread();
        while (done.get() != chunks) {
          LockSupport.park(this);
        }
        waiter = null;
        return;
      }
    }
  }

  /** Stops the workers and waits (briefly) for them to exit; later calls run on the caller. */
  @Override
  public void close() {
    closed = true;
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
    }
    boolean interrupted = false;
    for (Worker w : workers) {
      try {
        w.thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Worker implements Runnable {
    final Thread thread;
    /** Set before parking; the caller clears it when it unparks this worker. */
    volatile boolean parked;

    Worker(String name) {
      thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      long seen = 0;
      while (!closed) {
        long epoch = ctl.get() >>> 32;
        if (epoch != seen) {
          seen = epoch;
          claimAndRun(epoch);
          continue;
        }
        if (!spinWhileIdle(seen)) {
          parked = true;
          if (ctl.get() >>> 32 == seen && !closed) {
            LockSupport.park(this);
          }
          parked = false;
        }
      }
    }

    /** Spins until a call newer than seen arrives (true) or the spin time is over (false). */
    private boolean spinWhileIdle(long seen) {
      long deadline = System.nanoTime() + SPIN_NANOS;
      for (int i = 1; ctl.get() >>> 32 == seen; i++) {
        Thread.onSpinWait();
        if (closed || (i % SPINS_PER_CLOCK_READ == 0 && System.nanoTime() > deadline)) {
          return false;
        }
      }
      return true;
    }
  }
}
