package dev.vireo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.WorkerPoolTest;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A session's threads: started with it, gone after close; runs agree across thread counts. */
class SessionThreadsTest {
  private static Model matMul() {
    GraphBuilder b = new GraphBuilder("mm", 17);
    Value x = b.input("x", DType.FLOAT, 16, 64);
    float[] w = new float[64 * 96];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 13 - 6) * 0.05f;
    }
    Value wv = b.constant("w", Tensor.of(w, 64, 96));
    b.output(b.named("y", "MatMul", List.of(), x, wv));
    return b.build();
  }

  @Test
  void openingAndClosingSessionsLeavesNoWorkerThreads() {
    Set<Thread> before = WorkerPoolTest.liveWorkers();
    Model m = matMul();
    Map<String, Tensor> feeds = Map.of("x", Tensor.of(new float[16 * 64], 16, 64));
    for (int i = 0; i < 5; i++) {
      try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(3))) {
        s.run(feeds);
        assertThat(WorkerPoolTest.newThreads(before)).hasSize(2);
      }
      assertThat(WorkerPoolTest.newThreads(before)).isEmpty();
    }
  }
}
