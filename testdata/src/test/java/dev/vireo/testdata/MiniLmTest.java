package dev.vireo.testdata;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** all-MiniLM-L6-v2 (fp32 BERT) gives onnxruntime's answers within rtol 1e-3 / atol 1e-4. */
class MiniLmTest {
  @ParameterizedTest
  @ValueSource(ints = {16, 128})
  void matchesOnnxruntime(int seq) throws Exception {
    Path model = RealModels.miniLm();
    SplittableRandom rnd = new SplittableRandom(seq);
    long[] ids = new long[seq];
    long[] mask = new long[seq];
    long[] types = new long[seq];
    int real = seq - seq / 8; // the tail is padding, masked out
    for (int i = 0; i < seq; i++) {
      ids[i] = i == 0 ? 101 : i == real - 1 ? 102 : i < real ? 1000 + rnd.nextInt(28000) : 0;
      mask[i] = i < real ? 1 : 0;
    }
    Map<String, Tensor> feeds = Map.of(
        "input_ids", Tensor.of(ids, 1, seq),
        "attention_mask", Tensor.of(mask, 1, seq),
        "token_type_ids", Tensor.of(types, 1, seq));
    Tensor expected;
    try (OrtReference ort = new OrtReference(model)) {
      expected = ort.run(feeds).get("last_hidden_state");
    }
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(2))) {
      Tensor actual = s.run(feeds).get("last_hidden_state");
      TestModelsTest.assertClose(actual, expected, 1e-3, 1e-4);
    }
  }
}
