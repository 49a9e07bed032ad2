package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationKernelTest {
  private static final float CLOSE = 1e-6f;
  private static final Tensor X = Tensor.of(new float[] {-1, 0, 2}, 3);

  @Test
  void seluAndEluDefaults() {
    double a = 1.67326319217681884765625;
    double g = 1.05070102214813232421875;
    assertThat(KernelHarness.op("Selu", 6).run1(X).floats()).containsExactly(
        new float[] {(float) (g * a * (Math.exp(-1) - 1)), 0, (float) (2 * g)}, within(CLOSE));
    assertThat(KernelHarness.op("Elu", 6).attr("alpha", 2f).run1(X).floats()).containsExactly(
        new float[] {(float) (2 * (Math.exp(-1) - 1)), 0, 2}, within(CLOSE));
  }

  @Test
  void hardSigmoidClampsAndThresholdedReluCuts() {
    assertThat(KernelHarness.op("HardSigmoid", 6).run1(Tensor.of(new float[] {-3, 0, 1, 3}, 4)).floats())
        .containsExactly(new float[] {0, 0.5f, 0.7f, 1}, within(CLOSE));
    assertThat(KernelHarness.op("ThresholdedRelu", 10).attr("alpha", 1.5f).run1(X).floats())
        .containsExactly(0, 0, 2);
  }

  @Test
  void shrinkSoftAndHard() {
    Tensor x = Tensor.of(new float[] {-2, -1, 0, 1, 2}, 5);
    assertThat(KernelHarness.op("Shrink", 9).attr("lambd", 1.5f).run1(x).floats())
        .containsExactly(-2, 0, 0, 0, 2);
    assertThat(KernelHarness.op("Shrink", 9).attr("lambd", 1.5f).attr("bias", 1.5f).run1(x).floats())
        .containsExactly(-0.5f, 0, 0, 0, 0.5f);
  }

  @Test
  void celuAndSwish() {
    assertThat(KernelHarness.op("Celu", 12).attr("alpha", 2f).run1(X).floats()).containsExactly(
        new float[] {(float) (2 * (Math.exp(-0.5) - 1)), 0, 2}, within(CLOSE));
    Tensor d = Tensor.of(new double[] {-1, 0, 2}, 3);
    double[] y = KernelHarness.op("Swish", 24).attr("alpha", 0.5f).run1(d).doubles();
    assertThat(y).containsExactly(new double[] {-1 / (1 + Math.exp(0.5)), 0, 2 / (1 + Math.exp(-1))},
        within(1e-15));
  }

  @Test
  void nanPassesThrough() {
    Tensor nan = Tensor.of(new float[] {Float.NaN}, 1);
    for (String op : new String[] {"Selu", "Elu", "HardSigmoid", "ThresholdedRelu", "Shrink"}) {
      assertThat(KernelHarness.op(op, 22).run1(nan).floats()[0]).as(op).isNaN();
    }
  }
}
