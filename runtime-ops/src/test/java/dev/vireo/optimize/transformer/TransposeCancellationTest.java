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

class TransposeCancellationTest {
  private static final Map<String, Tensor> FEEDS = Map.of("x", random(new Random(13), 1f, 2, 3, 4, 5));

  /** Relu(Transpose(Transpose(x, p1), p2)). */
  private static Model model(long[] p1, long[] p2) {
    GraphBuilder b = new GraphBuilder("transposes", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3, 4, 5);
    Value t1 = b.op("Transpose", List.of(Attribute.ints("perm", p1)), x);
    Value t2 = b.op("Transpose", List.of(Attribute.ints("perm", p2)), t1);
    b.output(b.op("Relu", t2));
    return b.build();
  }

  @Test
  void inversePermutationsCancel() {
    Model fused = FusionTesting.fuseAndCompare(
        () -> model(new long[] {0, 2, 3, 1}, new long[] {0, 3, 1, 2}), FEEDS, new TransposeCancellation());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("Relu", 1));
  }

  @Test
  void otherPermutationsCompose() {
    Model fused = FusionTesting.fuseAndCompare(
        () -> model(new long[] {0, 2, 1, 3}, new long[] {0, 1, 3, 2}), FEEDS, new TransposeCancellation());
    assertThat(FusionTesting.histogram(fused)).isEqualTo(Map.of("Transpose", 1, "Relu", 1));
    assertThat(fused.graph().nodes().get(0).attrInts("perm", null)).containsExactly(0, 2, 3, 1);
  }

  @Test
  void defaultPermIsLeftAlone() {
    GraphBuilder b = new GraphBuilder("transposes", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3);
    b.output(b.op("Transpose", b.op("Transpose", List.of(Attribute.ints("perm", 1, 0)), x)));
    Model m = FusionTesting.optimize(b.build(), new TransposeCancellation());
    assertThat(FusionTesting.histogram(m)).isEqualTo(Map.of("Transpose", 2));
  }
}
