package dev.vireo.optimize.transformer;

import static dev.vireo.optimize.transformer.FusionTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerNormFusionTest {
  /** PyTorch's decomposed layer norm over x [2, 3, 4], reducing over {@code axis} with {@code exponent}. */
  static Value decomposed(GraphBuilder b, Value x, long axis, float exponent, float eps, int hidden) {
    Random r = new Random(7);
    List<Attribute> axes = List.of(Attribute.ints("axes", axis));
    Value mean = b.op("ReduceMean", axes, x);
    Value d = b.op("Sub", x, mean);
    Value sq = b.op("Pow", d, b.constant("two", Tensor.scalar(exponent)));
    Value var = b.op("ReduceMean", axes, sq);
    Value std = b.op("Sqrt", b.op("Add", var, b.constant("eps", Tensor.scalar(eps))));
    Value n = b.op("Div", d, std);
    Value scaled = b.op("Mul", n, b.constant("gamma", random(r, 1f, hidden)));
    return b.op("Add", scaled, b.constant("beta", random(r, 1f, hidden)));
  }

  private static Model model(long axis, float exponent) {
    GraphBuilder b = new GraphBuilder("ln", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3, 4);
    b.output(decomposed(b, x, axis, exponent, 1e-5f, 4));
    return b.build();
  }

  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(1), 2f, 2, 3, 4));

  @Test
  void fusesTheDecomposedForm() {
    Model fused = FusionTesting.fuseAndCompare(() -> model(-1, 2f), FEEDS, new LayerNormFusion());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("LayerNormalization", 1));
    assertThat(fused.graph().nodes().get(0).attrFloat("epsilon", 0f)).isEqualTo(1e-5f);
  }

  @Test
  void leavesOtherAxesAndExponentsAlone() {
    assertThat(FusionTesting.histogram(FusionTesting.optimize(model(1, 2f), new LayerNormFusion())))
        .doesNotContainKey("LayerNormalization").containsEntry("ReduceMean", 2);
    assertThat(FusionTesting.histogram(FusionTesting.optimize(model(-1, 3f), new LayerNormFusion())))
        .doesNotContainKey("LayerNormalization").containsEntry("Pow", 1);
  }
}
