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
 */
class MiniLmThreadsTest {
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
    float[] one = run(model, feeds, 1);
    assertThat(run(model, feeds, 2)).as("2 threads vs 1").containsExactly(one);
    assertThat(run(model, feeds, 3)).as("3 threads vs 1").containsExactly(one);
  }

  private static float[] run(Path model, Map<String, Tensor> feeds, int threads) throws Exception {
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(threads))) {
      s.run(feeds);
      return s.run(feeds).get("last_hidden_state").floats();
    }
  }
}
