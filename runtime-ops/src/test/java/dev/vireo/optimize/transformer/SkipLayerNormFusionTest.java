package dev.vireo.optimize.transformer;

import static dev.vireo.optimize.transformer.FusionTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SkipLayerNormFusionTest {
  /** LayerNorm(MatMul(a, W) + bias + b) with a [2, 3, 4] and b [2, skipRows, 4]. */
  private static Model model(int skipRows) {
    Random r = new Random(3);
    GraphBuilder g = new GraphBuilder("sln", 17);
    Value a = g.input("a", DType.FLOAT, 2, 3, 4);
    Value b = g.input("b", DType.FLOAT, 2, skipRows, 4);
    Value dense = g.op("Add", g.constant("bias", random(r, 1f, 4)),
        g.op("MatMul", a, g.constant("w", random(r, 1f, 4, 4))));
    g.output(LayerNormFusionTest.decomposed(g, g.op("Add", dense, b), -1, 2f, 1e-12f, 4));
    return g.build();
  }

  @Test
  void fusesResidualAddAndDenseBias() {
    Random r = new Random(4);
    Map<String, Tensor> feeds = Map.of("a", random(r, 1f, 2, 3, 4), "b", random(r, 1f, 2, 3, 4));
    Model fused = FusionTesting.fuseAndCompare(() -> model(3), feeds,
        new LayerNormFusion(), new SkipLayerNormFusion());
    assertThat(FusionTesting.histogram(fused))
        .isEqualTo(Map.of("MatMul", 1, "com.microsoft:SkipLayerNormalization", 1));
    Node sln = fused.graph().nodes().get(1);
    assertThat(sln.inputs()).hasSize(5);
    assertThat(sln.input(4).initializer()).isNotNull();
    assertThat(fused.opsetImports()).containsEntry("com.microsoft", 1);
  }

  @Test
  void leavesBroadcastingAddsAlone() {
    Model m = FusionTesting.optimize(model(1), new LayerNormFusion(), new SkipLayerNormFusion());
    assertThat(FusionTesting.histogram(m)).containsEntry("LayerNormalization", 1)
        .doesNotContainKey("com.microsoft:SkipLayerNormalization");
  }
}
