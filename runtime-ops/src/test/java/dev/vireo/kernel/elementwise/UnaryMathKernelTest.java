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

  @Test
  void trigonometricAndHyperbolic() {
    Tensor x = Tensor.of(new float[] {0.5f}, 1);
    String[] ops = {"Cos", "Sin", "Tan", "Acos", "Asin", "Atan", "Cosh", "Sinh", "Asinh", "Atanh"};
    double[] want = {Math.cos(0.5), Math.sin(0.5), Math.tan(0.5), Math.acos(0.5), Math.asin(0.5),
        Math.atan(0.5), Math.cosh(0.5), Math.sinh(0.5), 0.48121182505960344, 0.5493061443340548};
    for (int i = 0; i < ops.length; i++) {
      assertThat(KernelHarness.op(ops[i], 22).run1(x).floats()[0]).as(ops[i])
          .isEqualTo((float) want[i]);
    }
    // acosh(2) = ln(2 + sqrt 3); asinh(-3) = -ln(3 + sqrt 10)
    Tensor d = Tensor.of(new double[] {2}, 1);
    assertThat(KernelHarness.op("Acosh", 9).run1(d).doubles()[0]).isCloseTo(1.3169578969248166, within(1e-15));
    assertThat(KernelHarness.op("Asinh", 9).run1(Tensor.of(new double[] {-3}, 1)).doubles()[0])
        .isCloseTo(-1.8184464592320668, within(1e-15));
    assertThat(KernelHarness.op("Acos", 7).run1(Tensor.of(new float[] {2}, 1)).floats()[0]).isNaN();
  }

  @Test
  void roundHalfToEven() {
    Tensor x = Tensor.of(new float[] {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.4f, -2.6f, Float.NaN,
        Float.NEGATIVE_INFINITY}, 9);
    float[] y = KernelHarness.op("Round", 11).run1(x).floats();
    assertThat(y).containsExactly(0f, 2f, 2f, -0f, -2f, 2f, -3f, Float.NaN, Float.NEGATIVE_INFINITY);
  }

  @Test
  void signOfFloatsAndIntegers() {
    Tensor x = Tensor.of(new float[] {-3, -0f, 0, 7, Float.NaN}, 5);
    float[] y = KernelHarness.op("Sign", 13).run1(x).floats();
    assertThat(y[0]).isEqualTo(-1f);
    assertThat(y[2]).isEqualTo(0f);
    assertThat(y[3]).isEqualTo(1f);
    assertThat(y[4]).isNaN();
    assertThat(KernelHarness.op("Sign", 9).run1(Tensor.of(new long[] {-9, 0, 4}, 3)).longs())
        .containsExactly(-1, 0, 1);
    assertThat(KernelHarness.op("Sign", 13).run1(Tensor.of(new int[] {-9, 0, 4}, 3)).ints())
        .containsExactly(-1, 0, 1);
  }

  @Test
  void softsignMishHardSwish() {
    Tensor x = Tensor.of(new float[] {-3, 1, 4}, 3);
    assertThat(KernelHarness.op("Softsign", 1).run1(x).floats()).containsExactly(-0.75f, 0.5f, 0.8f);
    // hardswish: x·clamp(x/6 + 1/2, 0, 1)
    assertThat(KernelHarness.op("HardSwish", 14).run1(x).floats()).containsExactly(
        new float[] {0f, 1f * (1f / 6 + 0.5f), 4f}, within(1e-7f));
    double mish1 = Math.tanh(Math.log1p(Math.E));
    assertThat(KernelHarness.op("Mish", 18).run1(x).floats()[1]).isEqualTo((float) mish1);
  }

  @Test
  void geluExactAndTanh() {
    Tensor x = Tensor.of(new double[] {-1, 0, 1}, 3);
    // 0.5·(1 + erf(1/sqrt 2)) = 0.8413447460685429
    assertThat(KernelHarness.op("Gelu", 20).run1(x).doubles()).containsExactly(
        new double[] {-0.15865525393145707, 0, 0.8413447460685429}, within(1e-12));
    double t = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715));
    assertThat(KernelHarness.op("Gelu", 20).attr("approximate", "tanh").run1(x).doubles()[2])
        .isCloseTo(t, within(1e-15));
  }

  @Test
  void expAndLogInDouble() {
    Tensor x = Tensor.of(new double[] {1, 0}, 2);
    assertThat(KernelHarness.op("Exp", 13).run1(x).doubles()).containsExactly(Math.E, 1);
    assertThat(KernelHarness.op("Log", 13).run1(x).doubles()).containsExactly(0, Double.NEGATIVE_INFINITY);
  }

  @Test
  void absSignNegOfNarrowAndUnsignedIntegers() {
    Tensor i8 = Tensor.wrap(DType.INT8, Shape.of(3), new byte[] {-128, -5, 7});
    // -(-128) wraps to -128 in int8, as it does in C
    assertThat(KernelHarness.op("Abs", 13).run1(i8).bytes()).containsExactly((byte) -128, (byte) 5, (byte) 7);
    assertThat(KernelHarness.op("Neg", 13).run1(i8).bytes()).containsExactly((byte) -128, (byte) 5, (byte) -7);
    assertThat(KernelHarness.op("Sign", 13).run1(i8).bytes()).containsExactly((byte) -1, (byte) -1, (byte) 1);
    Tensor u64 = Tensor.wrap(DType.UINT64, Shape.of(2), new long[] {-1L, 0});
    assertThat(KernelHarness.op("Sign", 13).run1(u64).longs()).containsExactly(1, 0);
    assertThat(KernelHarness.op("Abs", 13).run1(u64).longs()).containsExactly(-1L, 0);
  }
}
