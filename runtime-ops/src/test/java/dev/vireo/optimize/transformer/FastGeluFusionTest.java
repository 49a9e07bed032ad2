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

class FastGeluFusionTest {
  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(12), 2f, 2, 8));

  /** 0.5·x·(1 + tanh(√(2/π)·(x + cubic·x³))) as GPT-2's gelu_new exports it, with the cube by Pow or Muls. */
  private static Model model(float cubic, boolean pow) {
    GraphBuilder b = new GraphBuilder("fastgelu", 17);
    Value x = b.input("x", DType.FLOAT, 2, 8);
    Value cube = pow ? b.op("Pow", x, b.constant("three", Tensor.scalar(3f))) : b.op("Mul", x, b.op("Mul", x, x));
    Value inner = b.op("Add", x, b.op("Mul", cube, b.constant("cubic", Tensor.scalar(cubic))));
    Value t = b.op("Tanh", b.op("Mul", inner, b.constant("k", Tensor.scalar((float) Math.sqrt(2 / Math.PI)))));
    Value e = b.op("Add", b.constant("one", Tensor.scalar(1f)), t);
    b.output(b.op("Mul", b.op("Mul", x, b.constant("half", Tensor.scalar(0.5f))), e));
    return b.build();
  }

  @Test
  void fusesTheTanhForm() {
    for (boolean pow : new boolean[] {true, false}) {
      Model fused = FusionTesting.fuseAndCompare(() -> model(0.044715f, pow), FEEDS, new FastGeluFusion());
      assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("com.microsoft:FastGelu", 1));
    }
  }

  @Test
  void leavesOtherCoefficientsAlone() {
    Model m = FusionTesting.optimize(model(0.05f, true), new FastGeluFusion());
    assertThat(FusionTesting.histogram(m)).containsEntry("Tanh", 1).doesNotContainKey("com.microsoft:FastGelu");
  }
}
