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

class GeluFusionTest {
  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(2), 3f, 2, 8));

  /** x·0.5·(1 + erf(x / divisor)) with the factors multiplied in {@code order} (0, 1 or 2). */
  private static Model model(int order, float divisor) {
    GraphBuilder b = new GraphBuilder("gelu", 17);
    Value x = b.input("x", DType.FLOAT, 2, 8);
    Value e = b.op("Add", b.op("Erf", b.op("Div", x, b.constant("c", Tensor.scalar(divisor)))),
        b.constant("one", Tensor.scalar(1f)));
    Value half = b.constant("half", Tensor.scalar(0.5f));
    Value y = switch (order) {
      case 0 -> b.op("Mul", b.op("Mul", x, e), half);
      case 1 -> b.op("Mul", x, b.op("Mul", e, half));
      default -> b.op("Mul", b.op("Mul", x, half), e);
    };
    b.output(y);
    return b.build();
  }

  @Test
  void fusesEveryExportOrder() {
    for (int order = 0; order < 3; order++) {
      int o = order;
      Model fused = FusionTesting.fuseAndCompare(() -> model(o, (float) Math.sqrt(2)), FEEDS, new GeluFusion());
      assertThat(FusionTesting.histogram(fused)).as("order %d", order)
          .isEqualTo(Map.of("com.microsoft:Gelu", 1));
    }
  }

  @Test
  void leavesOtherDivisorsAlone() {
    Model m = FusionTesting.optimize(model(0, 2f), new GeluFusion());
    assertThat(FusionTesting.histogram(m)).containsEntry("Erf", 1).doesNotContainKey("com.microsoft:Gelu");
  }
}
