package dev.vireo.kernel.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormalizationKernelTest {
  @Test
  void batchNormPerChannel() {
    // N=1, C=2, 2 positions; channel 0: mean 1 var 4 scale 2 bias 1; channel 1: mean 0 var 1 scale 1 bias 0
    Tensor x = Tensor.of(new float[] {1, 5, 2, -2}, 1, 2, 2);
    Tensor scale = Tensor.of(new float[] {2, 1}, 2);
    Tensor b = Tensor.of(new float[] {1, 0}, 2);
    Tensor mean = Tensor.of(new float[] {1, 0}, 2);
    Tensor var = Tensor.of(new float[] {4, 1}, 2);
    Tensor y = KernelHarness.op("BatchNormalization", 15).attr("epsilon", 0f).run1(x, scale, b, mean, var);
    // (1-1)/2*2+1 = 1, (5-1)/2*2+1 = 5, 2, -2
    assertThat(y.floats()).containsExactly(1, 5, 2, -2);
    Tensor y2 = KernelHarness.op("BatchNormalization", 9).run1(x, scale, b, mean, var);
    assertThat(y2.floats()[1]).isCloseTo((float) (4 / Math.sqrt(4 + 1e-5) * 2 + 1), within(1e-6f));
  }

  @Test
  void batchNormPerActivationBeforeOpset9() {
    // spatial=0: one parameter per (channel, position)
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2);
    Tensor scale = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor zero = Tensor.of(new float[4], 2, 2);
    Tensor one = Tensor.of(new float[] {1, 1, 1, 1}, 2, 2);
    Tensor y = KernelHarness.op("BatchNormalization", 7).attr("spatial", 0L).attr("epsilon", 0f)
        .run1(x, scale, zero, zero, one);
    assertThat(y.floats()).containsExactly(1, 4, 9, 16);
  }

  @Test
  void batchNormRejectsTheTrainingOutputsOfOldOpsets() {
    Tensor p = Tensor.of(new float[] {1}, 1);
    Tensor x = Tensor.of(new float[] {1}, 1, 1, 1);
    assertThatThrownBy(() -> KernelHarness.op("BatchNormalization", 9).outputs(3).kernel(x, p, p, p, p))
        .hasMessageContaining("training statistic");
  }

  @Test
  void batchNormParameterOfWrongSize() {
    Tensor x = Tensor.of(new float[6], 1, 3, 2);
    Tensor p = Tensor.of(new float[2], 2);
    assertThatThrownBy(() -> KernelHarness.op("BatchNormalization", 15).run1(x, p, p, p, p))
        .hasMessageContaining("scale f32[2] does not fit X f32[1,3,2]");
  }

  @Test
  void layerNormOverLastAxisWithStatistics() {
    Tensor x = Tensor.of(new float[] {1, 3, 2, 2, -1, 1}, 3, 2);
    Tensor scale = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {0, 1}, 2);
    Tensor[] out = KernelHarness.op("LayerNormalization", 17).attr("epsilon", 0f).outputs(3)
        .run(x, scale, b);
    // rows (1,3) and (-1,1) normalize to (-1,1), then scale and shift to (-1,3); row (2,2) has
    // variance 0, undefined with epsilon 0, so it is not checked
    assertThat(out[0].floats()[0]).isCloseTo(-1f, within(1e-6f));
    assertThat(out[0].floats()[1]).isCloseTo(3f, within(1e-6f));
    assertThat(out[0].floats()[4]).isCloseTo(-1f, within(1e-6f));
    assertThat(out[0].floats()[5]).isCloseTo(3f, within(1e-6f));
    assertThat(out[1].shape()).isEqualTo(Shape.of(3, 1));
    assertThat(out[1].floats()).containsExactly(2, 2, 0);
    assertThat(out[2].floats()[0]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void layerNormOverTwoAxesWithBroadcastScale() {
    Tensor x = Tensor.of(new float[] {0, 2, 4, 6}, 1, 2, 2);
    Tensor scale = Tensor.of(new float[] {1}, 1);
    Tensor y = KernelHarness.op("LayerNormalization", 17).attr("axis", 1L).attr("epsilon", 0f)
        .run1(x, scale);
    // mean 3, variance (9+1+1+9)/4 = 5
    double s = Math.sqrt(5);
    assertThat(y.floats()).containsExactly(new float[] {(float) (-3 / s), (float) (-1 / s),
        (float) (1 / s), (float) (3 / s)}, within(1e-6f));
  }

  @Test
  void layerNormScaleThatDoesNotFit() {
    Tensor x = Tensor.of(new float[6], 2, 3);
    assertThatThrownBy(() -> KernelHarness.op("LayerNormalization", 17).run1(x, Tensor.of(new float[2], 2)))
        .hasMessageContaining("Scale f32[2] does not broadcast to the normalized dims [3] of X f32[2,3]");
  }
}
