package dev.vireo.kernel.nn;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BatchNormalizationTrainingKernelTest {
  private static final float CLOSE = 1e-6f;

  @Test
  void normalizesWithBatchStatisticsAndUpdatesRunningOnes() {
    // N=2, C=2, one position: channel 0 has values 1, 3 (mean 2, var 1); channel 1 has 3, 5 (mean 4, var 1)
    Tensor x = Tensor.of(new float[] {1, 3, 3, 5}, 2, 2, 1);
    Tensor scale = Tensor.of(new float[] {1, 2}, 2);
    Tensor bias = Tensor.of(new float[] {0, 5}, 2);
    Tensor mean = Tensor.of(new float[] {0, 10}, 2);
    Tensor var = Tensor.of(new float[] {1, 1}, 2);
    Tensor[] y = run(node("BatchNormalization", 15, 5, 3, Attribute.of("training_mode", 1L),
        Attribute.of("epsilon", 0f)), x, scale, bias, mean, var);
    assertThat(y[0].floats()).containsExactly(new float[] {-1, 3, 1, 7}, within(CLOSE));
    assertThat(y[1].floats()).containsExactly(new float[] {0.2f, 9.4f}, within(CLOSE));
    assertThat(y[2].floats()).containsExactly(new float[] {1.0f, 1.0f}, within(CLOSE));
  }
}
