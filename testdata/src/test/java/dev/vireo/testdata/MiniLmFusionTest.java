package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transformer fusions on all-MiniLM-L6-v2: at level all the graph loses at least 60% of its
 * nodes, attention and layer norms are fused, and the answers equal those at level none within
 * rtol 1e-3 / atol 1e-4.
 */
class MiniLmFusionTest {
  @Test
  void fusesAttentionAndLayerNorms() {
    Model m = OnnxLoader.load(RealModels.miniLm());
    ShapeInference.run(m.graph(), StandardOps.registry());
    int before = m.graph().nodes().size();
    Optimizer.Result r = Optimizer.standard().optimize(m, OptimizationLevel.ALL);
    Map<String, Integer> h = GraphEditor.histogram(r.model().graph());
    int after = r.model().graph().nodes().size();
    assertThat(after).as("nodes after fusion, %s", h).isLessThanOrEqualTo((int) (before * 0.4));
    assertThat(h).containsEntry("com.microsoft:Attention", 6)
        .containsEntry("com.microsoft:BiasGelu", 6)
        .doesNotContainKeys("Softmax", "Erf", "Pow", "Sqrt", "ReduceMean");
    int norms = h.getOrDefault("com.microsoft:SkipLayerNormalization", 0)
        + h.getOrDefault("LayerNormalization", 0);
    assertThat(norms).isEqualTo(13);
  }

  @Test
  void levelAllAnswersAsLevelNone() {
    for (int seq : new int[] {16, 128}) {
      Map<String, Tensor> feeds = feeds(seq);
      Tensor none = run(OptimizationLevel.NONE, feeds);
      Tensor all = run(OptimizationLevel.ALL, feeds);
      TestModelsTest.assertClose(all, none, 1e-3, 1e-4);
    }
  }

  private static Tensor run(OptimizationLevel level, Map<String, Tensor> feeds) {
    Path model = RealModels.miniLm();
    try (Session s = Vireo.load(model, SessionOptions.defaults().withThreads(2).withOptimization(level))) {
      return s.run(feeds).get("last_hidden_state");
    }
  }

  /** Token ids with the tail padded and masked out, so the mask path is exercised. */
  static Map<String, Tensor> feeds(int seq) {
    long[] ids = new long[seq];
    long[] mask = new long[seq];
    long[] types = new long[seq];
    int real = seq - seq / 8;
    for (int i = 0; i < seq; i++) {
      ids[i] = i == 0 ? 101 : i == real - 1 ? 102 : i < real ? 1000 + (i * 7919) % 28000 : 0;
      mask[i] = i < real ? 1 : 0;
    }
    return Map.of(
        "input_ids", Tensor.of(ids, 1, seq),
        "attention_mask", Tensor.of(mask, 1, seq),
        "token_type_ids", Tensor.of(types, 1, seq));
  }
}
