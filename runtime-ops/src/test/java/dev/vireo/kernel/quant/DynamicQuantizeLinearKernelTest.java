package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DynamicQuantizeLinearKernelTest {
  @Test
  void rangeIncludesZero() {
    Tensor[] out = KernelHarness.op("DynamicQuantizeLinear", 11).outputs(3)
        .run(Tensor.of(new float[] {-51, 0, 102, 25.5f}, 4));
    // range [-51, 102]: scale 153/255 = 0.6, zero point 51/0.6 = 85
    assertThat(out[1].floats()[0]).isEqualTo(153f / 255f);
    assertThat(out[2].toLongArray()).containsExactly(85);
    // 25.5 / 0.6 = 42.5, a tie that goes to the even 42
    assertThat(out[0].toLongArray()).containsExactly(0, 85, 255, 127);
  }

  @Test
  void allPositiveInputStartsAtZero() {
    Tensor[] out = KernelHarness.op("DynamicQuantizeLinear", 11).outputs(3)
        .run(Tensor.of(new float[] {2.55f, 0.51f}, 2));
    // range [0, 2.55]: scale 0.01, zero point 0
    assertThat(out[2].toLongArray()).containsExactly(0);
    assertThat(out[0].toLongArray()).containsExactly(255, 51);
  }

  @Test
  void allZeroInputGivesZeroScale() {
    Tensor[] out = KernelHarness.op("DynamicQuantizeLinear", 11).outputs(3)
        .run(Tensor.of(new float[] {0, 0}, 2));
    assertThat(out[1].floats()).containsExactly(0f);
    assertThat(out[0].toLongArray()).containsExactly(0, 0);
  }
}
