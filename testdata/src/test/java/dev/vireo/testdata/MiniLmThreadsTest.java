package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * all-MiniLM-L6-v2 gives bit-identical answers on 1, 2 and 3 threads: work is split only
 * between output elements, never inside a sum.
 *
 * <p>The answers are compared after warm-up runs: before C2 has compiled the Vector API kernels,
 * their interpreted fallbacks round some reductions differently, so a cold run can differ from a
 * warm one in the last bit on any thread count.
 */
class MiniLmThreadsTest {
  private static final int WARM_UP_RUNS = 40;

  @ParameterizedTest
  @CsvSource({"1, 16", "3, 16", "1, 128"})
  void oneAndSeveralThreadsAgreeExactly(int batch, int seq) throws Exception {
    Path model = RealModels.miniLm();
    SplittableRandom rnd = new SplittableRandom(seq * 31L + batch);
    long[] ids = new long[batch * seq];
    long[] mask = new long[batch * seq];
    long[] types = new long[batch * seq];
    for (int b = 0; b < batch; b++) {
      int real = seq - b * seq / 8; // later items end in masked-out padding
      for (int i = 0; i < seq; i++) {
        int at = b * seq + i;
        ids[at] = i == 0 ? 101 : i == real - 1 ? 102 : i < real ? 1000 + rnd.nextInt(28000) : 0;
        mask[at] = i < real ? 1 : 0;
      }
    }
    Map<String, Tensor> feeds = Map.of(
        "input_ids", Tensor.of(ids, batch, seq),
        "attention_mask", Tensor.of(mask, batch, seq),
        "token_type_ids", Tensor.of(types, batch, seq));
    try (Session one = Vireo.load(model, SessionOptions.defaults().withThreads(1));
        Session two = Vireo.load(model, SessionOptions.defaults().withThreads(2));
        Session three = Vireo.load(model, SessionOptions.defaults().withThreads(3))) {
      for (int i = 0; i < WARM_UP_RUNS; i++) {
        one.run(feeds);
        two.run(feeds);
        three.run(feeds);
      }
      float[] expected = one.run(feeds).get("last_hidden_state").floats();
      assertThat(two.run(feeds).get("last_hidden_state").floats()).as("2 threads vs 1")
          .containsExactly(expected);
      assertThat(three.run(feeds).get("last_hidden_state").floats()).as("3 threads vs 1")
          .containsExactly(expected);
    }
  }
}
