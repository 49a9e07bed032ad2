package dev.vireo.kernel.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SoftmaxKernelTest {
  private static final Tensor X = Tensor.of(new float[] {0, 1, 2, 3}, 2, 2);

  private static float sm(float x, float... all) {
    double s = 0;
    for (float v : all) {
      s += Math.exp(v);
    }
    return (float) (Math.exp(x) / s);
  }

  @Test
  void opset13NormalizesAlongTheLastAxisByDefault() {
    float[] y = KernelHarness.op("Softmax", 13).run1(X).floats();
    assertThat(y).containsExactly(new float[] {sm(0, 0, 1), sm(1, 0, 1), sm(2, 2, 3), sm(3, 2, 3)},
        within(1e-7f));
  }

  @Test
  void opset13AlongAxisZeroAndNegativeAxis() {
    float[] y = KernelHarness.op("Softmax", 13).attr("axis", 0L).run1(X).floats();
    assertThat(y).containsExactly(new float[] {sm(0, 0, 2), sm(1, 1, 3), sm(2, 0, 2), sm(3, 1, 3)},
        within(1e-7f));
    float[] z = KernelHarness.op("Softmax", 13).attr("axis", -2L).run1(X).floats();
    assertThat(z).containsExactly(y);
  }

  @Test
  void beforeOpset13TheInputIsCoercedTo2d() {
    // axis 0: the whole tensor is one row
    float[] y = KernelHarness.op("Softmax", 11).attr("axis", 0L).run1(X).floats();
    assertThat(y).containsExactly(new float[] {sm(0, 0, 1, 2, 3), sm(1, 0, 1, 2, 3), sm(2, 0, 1, 2, 3),
        sm(3, 0, 1, 2, 3)}, within(1e-7f));
    // default axis 1 on a 3-D input flattens the trailing two dims
    Tensor x3 = Tensor.of(new float[] {0, 1, 2, 3}, 1, 2, 2);
    float[] z = KernelHarness.op("Softmax", 11).run1(x3).floats();
    assertThat(z).containsExactly(y);
  }

  @Test
  void doublesStayDouble() {
    Tensor x = Tensor.of(new double[] {0, 1, 2, 3}, 2, 2);
    Tensor y = KernelHarness.op("Softmax", 13).run1(x);
    double e = Math.exp(1);
    assertThat(y.doubles()).containsExactly(new double[] {1 / (1 + e), e / (1 + e), 1 / (1 + e), e / (1 + e)},
        within(1e-15));
  }

  @Test
  void largeValuesDoNotOverflow() {
    Tensor big = Tensor.of(new float[] {1000, 1000, -1000}, 3);
    assertThat(KernelHarness.op("Softmax", 13).run1(big).floats()).containsExactly(0.5f, 0.5f, 0f);
  }

  @Test
  void axisOutOfRange() {
    assertThatThrownBy(() -> KernelHarness.op("Softmax", 13).attr("axis", 2L).run1(X))
        .hasMessageContaining("axis 2 is out of range for rank 2");
  }
}
