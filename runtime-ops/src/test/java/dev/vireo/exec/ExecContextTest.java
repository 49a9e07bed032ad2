package dev.vireo.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** parallelFor covers every index exactly once, propagates failures, and nests without deadlock. */
class ExecContextTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);
  private static final ExecContext CTX = new ExecContext(2, POOL);

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  @Test
  void everyIndexRunsExactlyOnce() {
    for (int n : new int[] {1, 2, 3, 7, 100, 1001}) {
      AtomicIntegerArray hits = new AtomicIntegerArray(n);
      CTX.parallelFor(n, 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          hits.incrementAndGet(i);
        }
      });
      for (int i = 0; i < n; i++) {
        assertThat(hits.get(i)).as("n=%d index %d", n, i).isEqualTo(1);
      }
    }
  }

  @Test
  void aFailingChunkFailsTheCall() {
    assertThatThrownBy(() -> CTX.parallelFor(100, 1, (from, to) -> {
      if (from == 0) {
        throw new IllegalArgumentException("chunk 0 failed");
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 0 failed");
  }

  @Test
  void nestedCallsFromManyThreadsComplete() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> sums = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        sums.add(callers.submit(() -> {
          AtomicIntegerArray cells = new AtomicIntegerArray(64 * 64);
          for (int rep = 0; rep < 50; rep++) {
            CTX.parallelFor(64, 1, (r0, r1) -> {
              for (int r = r0; r < r1; r++) {
                int row = r;
                CTX.parallelFor(64, 1, (c0, c1) -> {
                  for (int c = c0; c < c1; c++) {
                    cells.incrementAndGet(row * 64 + c);
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
        assertThat(f.get()).isEqualTo(50L * 64 * 64);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
