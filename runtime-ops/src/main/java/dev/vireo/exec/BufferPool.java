package dev.vireo.exec;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * A session's recycled tensor buffers: a few {@link BufferArena}s, each used by one run at a
 * time, so that runs with the same shapes reuse the arrays of earlier runs. Safe for concurrent
 * runs: each takes its own arena ({@link #acquire}) and gives it back when done.
 */
public final class BufferPool {
  /** Arenas kept between runs; more concurrent runs get fresh arenas that are dropped after. */
  static final int RETAINED_ARENAS = 4;

  private final long maxFreeBytesPerArena;
  private final ArrayDeque<BufferArena> idle = new ArrayDeque<>();
  private final LongAdder allocated = new LongAdder();
  private final LongAdder reused = new LongAdder();
  private final LongAdder allocatedBytes = new LongAdder();
  private final LongAdder reusedBytes = new LongAdder();

  /** A pool whose arenas each keep at most an eighth of the maximum heap in free buffers. */
  public BufferPool() {
    this(Runtime.getRuntime().maxMemory() / 8);
  }

  /**
   * @param maxFreeBytesPerArena free buffers an arena keeps between runs; beyond it, released
   *     buffers are left to the garbage collector
   */
  public BufferPool(long maxFreeBytesPerArena) {
    this.maxFreeBytesPerArena = maxFreeBytesPerArena;
  }

  /** What runs allocated and reused so far. */
  public BufferStats stats() {
    return new BufferStats(allocated.sum(), reused.sum(), allocatedBytes.sum(), reusedBytes.sum());
  }

  /** An arena for one run, whose per-run context view is based on {@code base}. */
  BufferArena acquire(ExecContext base) {
    BufferArena a;
    synchronized (idle) {
      a = idle.pollLast();
    }
    return a != null && a.base() == base ? a : new BufferArena(this, base);
  }

  /** Gives back an arena whose run has ended. */
  void release(BufferArena arena) {
    arena.endRun();
    synchronized (idle) {
      if (idle.size() < RETAINED_ARENAS) {
        idle.addLast(arena);
      }
    }
  }

  /** Drops the idle arenas and their free buffers (a closed session keeps no memory). */
  public void clear() {
    synchronized (idle) {
      idle.clear();
    }
  }

  long maxFreeBytesPerArena() {
    return maxFreeBytesPerArena;
  }

  void countAllocated(long bytes) {
    allocated.increment();
    allocatedBytes.add(bytes);
  }

  void countReused(long bytes) {
    reused.increment();
    reusedBytes.add(bytes);
  }
}
