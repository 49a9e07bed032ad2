package dev.vireo.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * WorkerPool: exact coverage of every range, failures reach the caller, nested and concurrent
 * calls complete, close stops the workers.
 */
public class WorkerPoolTest {
  private static void assertCoveredOnce(AtomicIntegerArray hits, String what) {
    for (int i = 0; i < hits.length(); i++) {
      assertThat(hits.get(i)).as("%s index %d", what, i).isEqualTo(1);
    }
  }

  @Test
  void everyIndexRunsExactlyOnceForOddRangesAndChunkCounts() {
    try (WorkerPool pool = new WorkerPool(3)) {
      for (int n : new int[] {1, 2, 3, 5, 7, 31, 100, 1001}) {
        for (int chunks = 1; chunks <= Math.min(n, 5); chunks++) {
          AtomicIntegerArray hits = new AtomicIntegerArray(n);
          pool.run(n, chunks, (from, to) -> {
            for (int i = from; i < to; i++) {
              hits.incrementAndGet(i);
            }
          });
          assertCoveredOnce(hits, "n=" + n + " chunks=" + chunks);
        }
      }
    }
  }

  @Test
  void chunksAreTheContiguousNearEqualPieces() {
    try (WorkerPool pool = new WorkerPool(2)) {
      Set<List<Integer>> seen = ConcurrentHashMap.newKeySet();
      pool.run(7, 3, (from, to) -> seen.add(List.of(from, to)));
      assertThat(seen).containsExactlyInAnyOrder(List.of(0, 2), List.of(2, 4), List.of(4, 7));
    }
  }

  @Test
  void theWorkersTakePartInRepeatedCalls() {
    try (WorkerPool pool = new WorkerPool(2)) {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      // the caller claims chunks too, so a worker only shows up when it is awake in time:
      // chunks that wait on each other force it to run one
      for (int rep = 0; rep < 1000 && threads.size() < 2; rep++) {
        AtomicInteger started = new AtomicInteger();
        pool.run(2, 2, (from, to) -> {
          threads.add(Thread.currentThread().getName());
          started.incrementAndGet();
          long end = System.nanoTime() + 5_000_000;
          while (started.get() < 2 && System.nanoTime() < end) {
            Thread.onSpinWait();
          }
        });
      }
      assertThat(threads).contains("vireo-worker-0", Thread.currentThread().getName());
    }
  }

  @Test
  void aFailingChunkFailsTheCallWithItsMessageAndThePoolStaysUsable() {
    try (WorkerPool pool = new WorkerPool(2)) {
      for (int rep = 0; rep < 20; rep++) {
        int bad = rep % 2 == 0 ? 0 : 50;
        assertThatThrownBy(() -> pool.run(100, 2, (from, to) -> {
          if (from == bad) {
            throw new IllegalArgumentException("chunk at " + bad + " failed");
          }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk at " + bad + " failed");
      }
      AtomicIntegerArray hits = new AtomicIntegerArray(9);
      pool.run(9, 2, (from, to) -> {
        for (int i = from; i < to; i++) {
          hits.incrementAndGet(i);
        }
      });
      assertCoveredOnce(hits, "after failures");
    }
  }

  @Test
  void nestedCallsFromManyThreadsRunInlineAndComplete() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try (WorkerPool pool = new WorkerPool(3)) {
      List<Future<Long>> sums = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        sums.add(callers.submit(() -> {
          AtomicIntegerArray cells = new AtomicIntegerArray(33 * 17);
          for (int rep = 0; rep < 50; rep++) {
            pool.run(33, 3, (r0, r1) -> {
              for (int r = r0; r < r1; r++) {
                int row = r;
                pool.run(17, 2, (c0, c1) -> {
                  for (int c = c0; c < c1; c++) {
                    cells.incrementAndGet(row * 17 + c);
                  }
                });
              }
            });
          }
          long s = 0;
          for (int i = 0; i < cells.length(); i++) {
            s += cells.get(i);
          }
          return s;
        }));
      }
      for (Future<Long> f : sums) {
        assertThat(f.get()).isEqualTo(50L * 33 * 17);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void closeStopsTheWorkersAndLaterCallsRunOnTheCaller() {
    Set<Thread> before = liveWorkers();
    WorkerPool pool = new WorkerPool(3);
    pool.run(10, 3, (from, to) -> { });
    assertThat(newThreads(before)).hasSize(2);
    pool.close();
    assertThat(newThreads(before)).isEmpty();
    List<String> names = new ArrayList<>();
    pool.run(10, 3, (from, to) -> names.add(Thread.currentThread().getName()));
    assertThat(names).containsOnly(Thread.currentThread().getName());
    pool.close();
  }

  @Test
  void aContextOnThePoolSplitsOverAllItsThreadsAndCoversEveryIndexOnce() {
    try (WorkerPool pool = new WorkerPool(3)) {
      ExecContext ctx = ExecContext.of(pool, null, null);
      assertThat(ctx.threads()).isEqualTo(3);
      for (int n : new int[] {1, 2, 5, 11, 1000}) {
        for (int minChunk : new int[] {1, 2, 4, 2000}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(n);
          Set<Integer> chunkStarts = ConcurrentHashMap.newKeySet();
          ctx.parallelFor(n, minChunk, (from, to) -> {
            chunkStarts.add(from);
            for (int i = from; i < to; i++) {
              hits.incrementAndGet(i);
            }
          });
          assertCoveredOnce(hits, "n=" + n + " minChunk=" + minChunk);
          assertThat(chunkStarts).as("chunks of n=%d minChunk=%d", n, minChunk)
              .hasSize(Math.min(3, Math.max(1, n / minChunk)));
        }
      }
    }
    assertThat(ExecContext.of(null, null, null).threads()).isEqualTo(1);
  }

  @Test
  void callsKeepWorkingAcrossTheEpochWrapAround() {
    assertThat(WorkerPool.nextEpoch(0xFFFF_FFFFL)).isEqualTo(1);
    assertThat(WorkerPool.nextEpoch(41)).isEqualTo(42);
    try (WorkerPool pool = new WorkerPool(2)) {
      pool.lastEpochForTest(0xFFFF_FFFFL - 20);
      for (int rep = 0; rep < 50; rep++) {
        AtomicIntegerArray hits = new AtomicIntegerArray(7);
        pool.run(7, 2, (from, to) -> {
          for (int i = from; i < to; i++) {
            hits.incrementAndGet(i);
          }
        });
        assertCoveredOnce(hits, "call " + rep);
      }
    }
  }

  @Test
  void rejectsChunkCountsOutsideTheRange() {
    try (WorkerPool pool = new WorkerPool(2)) {
      assertThatThrownBy(() -> pool.run(3, 4, (from, to) -> { }))
          .hasMessage("WorkerPool: 4 chunks for a range of 3");
      assertThatThrownBy(() -> pool.run(3, 0, (from, to) -> { }))
          .hasMessage("WorkerPool: 0 chunks for a range of 3");
    }
    assertThatThrownBy(() -> new WorkerPool(1)).hasMessage("WorkerPool: needs at least 2 threads, got 1");
  }

  /** Live threads named like a pool's workers (of any pool). */
  public static Set<Thread> liveWorkers() {
    Set<Thread> live = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("vireo-worker-")) {
        live.add(t);
      }
    }
    return live;
  }

  /** Live worker threads that were not in before. */
  public static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = liveWorkers();
    now.removeAll(before);
    return now;
  }
}
