package dev.vireo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.BufferStats;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Runs recycle the buffers of dead values and nothing else: steady-state runs allocate only their
 * outputs, views keep their array alive, and outputs handed to the caller are never overwritten.
 */
class BufferReuseTest {
  private static final SessionOptions ONE_THREAD =
      SessionOptions.defaults().withThreads(1).withOptimization(OptimizationLevel.NONE);

  /** x -> Relu -> Neg -> Abs -> y: three f32[1,4] buffers per run, one of them the output. */
  private static Model chain() {
    GraphBuilder b = new GraphBuilder("chain", 17);
    Value x = b.input("x", DType.FLOAT, 1, 4);
    b.output(b.named("y", "Abs", List.of(), b.op("Neg", b.op("Relu", x))));
    return b.build();
  }

  /**
   * a = Relu(x); r = Reshape(a) (a view of a's array); b = Neg(a) (a's slot dies here, its array
   * lives on in r); c = b + b; y = r + c = -Relu(x); z = Reshape(c) (an output sharing c's array).
   */
  private static Model views() {
    GraphBuilder b = new GraphBuilder("views", 17);
    Value x = b.input("x", DType.FLOAT, 1, 4);
    Value a = b.op("Relu", x);
    Value r = b.op("Reshape", a, b.constant("s14", Tensor.of(new long[] {1, 4}, 2)));
    Value n = b.op("Neg", a);
    Value c = b.op("Add", n, n);
    b.output(b.named("y", "Add", List.of(), r, c));
    b.output(b.named("z", "Reshape", List.of(), c, b.constant("s4", Tensor.of(new long[] {4}, 1))));
    return b.build();
  }

  private static Tensor input(float base) {
    return Tensor.of(new float[] {base, -1, base + 2, 3}, 1, 4);
  }

  @Test
  void steadyStateRunsAllocateOnlyTheirOutputs() {
    try (Session s = Vireo.create(chain(), ONE_THREAD)) {
      s.run(Map.of("x", input(1)));
      s.run(Map.of("x", input(1)));
      for (int i = 0; i < 3; i++) {
        BufferStats before = s.bufferStats();
        Tensor y = s.run(Map.of("x", input(i))).get("y");
        BufferStats run = s.bufferStats().minus(before);
        assertThat(run.allocated()).as("new arrays per run").isEqualTo(1);
        assertThat(run.allocatedBytes()).isEqualTo(16);
        assertThat(run.reused()).as("recycled arrays per run").isEqualTo(2);
        assertThat(y.floats()).containsExactly(i, 0, i + 2, 3);
      }
    }
  }

  @Test
  void withoutReuseEveryBufferIsNewAndNothingIsCounted() {
    try (Session s = Vireo.create(chain(), ONE_THREAD.withReuseBuffers(false))) {
      s.run(Map.of("x", input(1)));
      assertThat(s.bufferStats()).isEqualTo(new BufferStats(0, 0, 0, 0));
      assertThat(s.run(Map.of("x", input(2))).get("y").floats()).containsExactly(2, 0, 4, 3);
    }
  }

  @Test
  void viewsKeepTheirArrayAndOutputsAreNeverOverwritten() {
    try (Session s = Vireo.create(views(), ONE_THREAD)) {
      List<Map<String, Tensor>> results = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        results.add(s.run(Map.of("x", input(i))));
      }
      for (int i = 1; i <= 5; i++) {
        // Relu zeroes the second element; Neg makes it -0
        assertThat(results.get(i - 1).get("y").floats()).as("run %d", i).containsExactly(-i, 0, -i - 2, -3);
        assertThat(results.get(i - 1).get("z").floats()).as("run %d", i)
            .containsExactly(-2 * i, -0f, -2 * i - 4, -6);
      }
      assertThat(s.bufferStats().reused()).isPositive();
    }
  }

  @Test
  void concurrentRunsEachGetTheirOwnBuffers() throws Exception {
    try (Session s = Vireo.create(views(), SessionOptions.defaults().withThreads(2))) {
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int seed = t;
          done.add(callers.submit(() -> {
            for (int i = 0; i < 200; i++) {
              float v = seed * 1000 + i;
              Map<String, Tensor> out = s.run(Map.of("x", input(v)));
              if (out.get("y").floats()[0] != -v || out.get("z").floats()[2] != -2 * v - 4) {
                return false;
              }
            }
            return true;
          }));
        }
        for (Future<Boolean> f : done) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        callers.shutdown();
      }
      assertThat(s.bufferStats().reused()).isPositive();
    }
  }
}
