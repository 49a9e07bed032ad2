package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class UnaryMathKernelTest {
  private static final Tensor X = Tensor.of(new float[] {-2, -0.5f, 0, 0.5f, 2}, 5);

  private static float[] run(String op) {
    return KernelHarness.op(op, 13).run1(X).floats();
  }

  @Test
  void relu() {
    assertThat(run("Relu")).containsExactly(0, 0, 0, 0.5f, 2);
    assertThat(KernelHarness.op("Relu", 14).run1(Tensor.of(new long[] {-3, 4}, 2)).longs()).containsExactly(0, 4);
  }

  @Test
  void sigmoidAndTanh() {
    float[] s = run("Sigmoid");
    float[] t = run("Tanh");
    for (int i = 0; i < 5; i++) {
      double x = X.floats()[i];
      assertThat(s[i]).isCloseTo((float) (1 / (1 + Math.exp(-x))), within(1e-7f));
      assertThat(t[i]).isCloseTo((float) ((Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1)), within(1e-7f));
    }
    // saturates without overflow
    Tensor big = Tensor.of(new float[] {-1000, 1000}, 2);
    assertThat(KernelHarness.op("Sigmoid", 13).run1(big).floats()).containsExactly(0f, 1f);
  }

  @Test
  void erfMatchesTabulatedValues() {
    Tensor x = Tensor.of(new float[] {0, 0.5f, 1, 2, 3, -1, 10}, 7);
    float[] y = KernelHarness.op("Erf", 13).run1(x).floats();
    // erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(2) = 0.9953222650, erf(3) = 0.9999779095
    assertThat(y).containsExactly(new float[] {0f, 0.5204999f, 0.8427008f, 0.9953223f, 0.9999779f,
        -0.8427008f, 1f}, within(1e-7f));
  }

  @Test
  void sqrtExpLogAbsNeg() {
    Tensor x = Tensor.of(new float[] {4, 1}, 2);
    assertThat(KernelHarness.op("Sqrt", 13).run1(x).floats()).containsExactly(2, 1);
    assertThat(KernelHarness.op("Exp", 13).run1(x).floats()[1]).isCloseTo((float) Math.E, within(1e-6f));
    assertThat(KernelHarness.op("Log", 13).run1(x).floats()).containsExactly((float) Math.log(4), 0f);
    assertThat(run("Abs")).containsExactly(2, 0.5f, 0, 0.5f, 2);
    assertThat(run("Neg")).containsExactly(2, 0.5f, -0f, -0.5f, -2);
    assertThat(KernelHarness.op("Neg", 13).run1(Tensor.of(new int[] {3}, 1)).ints()).containsExactly(-3);
    assertThat(KernelHarness.op("Sqrt", 13).run1(Tensor.of(new float[] {-1}, 1)).floats()[0]).isNaN();
  }

  @Test
  void leakyReluAndClip() {
    assertThat(KernelHarness.op("LeakyRelu", 16).attr("alpha", 0.1f).run1(X).floats())
        .containsExactly(new float[] {-0.2f, -0.05f, 0, 0.5f, 2}, within(1e-7f));
    // opset 6: bounds are attributes
    assertThat(KernelHarness.op("Clip", 6).attr("min", -1f).attr("max", 1f).run1(X).floats())
        .containsExactly(-1, -0.5f, 0, 0.5f, 1);
    // opset 11+: optional scalar inputs; min > max gives max everywhere
    assertThat(KernelHarness.op("Clip", 13).run1(X, Tensor.scalar(0f)).floats())
        .containsExactly(0, 0, 0, 0.5f, 2);
    assertThat(KernelHarness.op("Clip", 13).run1(X, null, Tensor.scalar(0f)).floats())
        .containsExactly(-2, -0.5f, 0, 0, 0);
    assertThat(KernelHarness.op("Clip", 13).run1(X, Tensor.scalar(1f), Tensor.scalar(0f)).floats())
        .containsOnly(0f);
    assertThat(KernelHarness.op("Clip", 13).run1(Tensor.of(new long[] {-5, 5}, 2), Tensor.scalar(-1L),
        Tensor.scalar(1L)).longs()).containsExactly(-1, 1);
  }

  @Test
  void emptyAndScalarAndHalf() {
    assertThat(KernelHarness.op("Relu", 14).run1(Tensor.of(new float[0], 0)).size()).isZero();
    assertThat(KernelHarness.op("Relu", 14).run1(Tensor.scalar(-1f)).shape()).isEqualTo(Shape.SCALAR);
    Tensor h = Tensor.wrap(DType.BFLOAT16, Shape.of(1), new short[] {Float16.floatToBfloat16(-3f)});
    Tensor y = KernelHarness.op("Abs", 13).run1(h);
    assertThat(y.dtype()).isEqualTo(DType.BFLOAT16);
    assertThat(Float16.bfloat16ToFloat(y.shorts()[0])).isEqualTo(3f);
  }
}
