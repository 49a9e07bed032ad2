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

class BiasGeluFusionTest {
  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(5), 2f, 3, 4));

  /** gelu(x + bias) in the erf form, the bias of the given dims. */
  private static Model model(int... biasDims) {
    GraphBuilder b = new GraphBuilder("biasgelu", 17);
    Value x = b.input("x", DType.FLOAT, 3, 4);
    Value v = b.op("Add", x, b.constant("bias", random(new Random(6), 1f, biasDims)));
    Value e = b.op("Add", b.op("Erf", b.op("Mul", v, b.constant("c", Tensor.scalar((float) Math.sqrt(0.5))))),
        b.constant("one", Tensor.scalar(1f)));
    b.output(b.op("Mul", b.op("Mul", v, e), b.constant("half", Tensor.scalar(0.5f))));
    return b.build();
  }

  @Test
  void foldsTheBiasAdd() {
    Model fused = FusionTesting.fuseAndCompare(() -> model(4), FEEDS, new GeluFusion(), new BiasGeluFusion());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("com.microsoft:BiasGelu", 1));
  }

  @Test
  void leavesATwoDimensionalBiasAlone() {
    Model m = FusionTesting.optimize(model(1, 4), new GeluFusion(), new BiasGeluFusion());
    assertThat(FusionTesting.histogram(m)).isEqualTo(Map.of("Add", 1, "com.microsoft:Gelu", 1));
  }
}
