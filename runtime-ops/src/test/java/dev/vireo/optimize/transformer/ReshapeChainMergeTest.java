package dev.vireo.optimize.transformer;

import static dev.vireo.optimize.transformer.FusionTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReshapeChainMergeTest {
  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(14), 1f, 2, 3, 4));

  /** Reshape(Reshape(x, [6, 4]), s2) with x [2, 3, 4]. */
  private static Model model(long... s2) {
    GraphBuilder b = new GraphBuilder("reshapes", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3, 4);
    Value r1 = b.op("Reshape", x, b.constant("s1", Tensor.of(new long[] {6, 4}, 2)));
    b.output(b.op("Reshape", r1, b.constant("s2", Tensor.of(s2, s2.length))));
    return b.build();
  }

  @Test
  void mergesConstantTargets() {
    Model fused = FusionTesting.fuseAndCompare(() -> model(4, -1), FEEDS, new ReshapeChainMerge());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("Reshape", 1));
    assertThat(fused.graph().nodes().get(0).input(0).name()).isEqualTo("x");
  }

  @Test
  void leavesZeroCopyTargetsAlone() {
    // 0 copies dim 0 of the intermediate (6), which x does not have
    Model m = FusionTesting.optimize(model(0, 2, 2), new ReshapeChainMerge());
    assertThat(FusionTesting.histogram(m)).isEqualTo(Map.of("Reshape", 2));
  }
}
