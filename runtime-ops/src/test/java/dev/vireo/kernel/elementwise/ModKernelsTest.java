package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Mod, PRelu, Sum, the bitwise ops and BitShift, served by {@link BinaryArithmeticKernel}. */
class ModKernelsTest {
  private static Tensor i8(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return Tensor.wrap(DType.INT8, Shape.of(v.length), b);
  }

  private static Tensor u8(int... v) {
    Tensor t = i8(v);
    return Tensor.wrap(DType.UINT8, t.shape(), t.bytes());
  }

  @Test
  void modTakesTheDivisorsSign() {
    Tensor a = Tensor.of(new long[] {7, -7, 7, -7, 6}, 5);
    Tensor b = Tensor.of(new long[] {3, 3, -3, -3, 3}, 5);
    // Python: 7%3=1, -7%3=2, 7%-3=-2, -7%-3=-1, 6%3=0
    assertThat(KernelHarness.op("Mod", 13).run1(a, b).longs()).containsExactly(1, 2, -2, -1, 0);
    // C fmod: the dividend's sign
    assertThat(KernelHarness.op("Mod", 13).attr("fmod", 1L).run1(a, b).longs())
        .containsExactly(1, -1, 1, -1, 0);
    Tensor ai = Tensor.of(new int[] {-4, 5}, 2);
    Tensor bi = Tensor.of(new int[] {3}, 1);
    assertThat(KernelHarness.op("Mod", 10).run1(ai, bi).ints()).containsExactly(2, 2);
  }

  @Test
  void modOfNarrowAndUnsignedIntegersBroadcasts() {
    Tensor y = KernelHarness.op("Mod", 13).run1(i8(-128, 100, -5), i8(7));
    // -128 = -19*7 + 5; -5 = -1*7 + 2
    assertThat(y.bytes()).containsExactly((byte) 5, (byte) 2, (byte) 2);
    Tensor u = KernelHarness.op("Mod", 13).run1(u8(250, 9), u8(7));
    // 250 read unsigned: 250 = 35*7 + 5
    assertThat(u.bytes()).containsExactly((byte) 5, (byte) 2);
    Tensor big = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {-1L});
    Tensor ten = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {10});
    // 2^64 - 1 = 18446744073709551615
    assertThat(KernelHarness.op("Mod", 13).run1(big, ten).longs()).containsExactly(5);
  }

  @Test
  void fmodOfFloatsKeepsTheDividendsSign() {
    Tensor a = Tensor.of(new float[] {-4.3f, 7.5f, Float.POSITIVE_INFINITY, 3f, 2f}, 5);
    Tensor b = Tensor.of(new float[] {2.1f, -2f, 2f, 0f, Float.POSITIVE_INFINITY}, 5);
    float[] y = KernelHarness.op("Mod", 13).attr("fmod", 1L).run1(a, b).floats();
    assertThat(y[0]).isEqualTo(-4.3f % 2.1f).isNegative();
    assertThat(y[1]).isEqualTo(1.5f);
    assertThat(y[2]).isNaN();
    assertThat(y[3]).isNaN();
    assertThat(y[4]).isEqualTo(2f);
  }

  @Test
  void integerModByZeroIsAnError() {
    assertThatThrownBy(() -> KernelHarness.op("Mod", 13)
            .run1(Tensor.of(new long[] {5}, 1), Tensor.of(new long[] {0}, 1)))
        .hasMessageContaining("Mod").hasMessageContaining("division by zero");
  }

  @Test
  void preluBroadcastsTheSlope() {
    Tensor x = Tensor.of(new float[] {-2, 3, -4, 5}, 2, 2);
    Tensor slope = Tensor.of(new float[] {0.5f, 0.25f}, 2);
    assertThat(KernelHarness.op("PRelu", 16).run1(x, slope).floats()).containsExactly(-1, 3, -2, 5);
    Tensor xi = Tensor.of(new int[] {-6, 6}, 2);
    assertThat(KernelHarness.op("PRelu", 9).run1(xi, Tensor.of(new int[] {2}, 1)).ints())
        .containsExactly(-12, 6);
  }

  @Test
  void preluBeforeOpset7HasOneSlopePerChannel() {
    Tensor x = Tensor.of(new float[] {-1, -1, -2, 2, -3, -3}, 1, 3, 2);
    Tensor slope = Tensor.of(new float[] {1, 2, 3}, 3);
    assertThat(KernelHarness.op("PRelu", 6).run1(x, slope).floats()).containsExactly(-1, -1, -4, 2, -9, -9);
  }

  @Test
  void sumOfThreeInputsBroadcasts() {
    Tensor a = Tensor.of(new double[] {1, 2}, 2, 1);
    Tensor b = Tensor.of(new double[] {10, 20, 30}, 3);
    Tensor c = Tensor.of(new double[] {100}, 1);
    Tensor y = KernelHarness.op("Sum", 13).run1(a, b, c);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.doubles()).containsExactly(111, 121, 131, 112, 122, 132);
    assertThat(KernelHarness.op("Sum", 8).run1(a).doubles()).containsExactly(1, 2);
  }

  @Test
  void bitwiseAndOrXor() {
    Tensor a = Tensor.of(new int[] {0b1100, -1}, 2);
    Tensor b = Tensor.of(new int[] {0b1010, 5}, 2);
    assertThat(KernelHarness.op("BitwiseAnd", 18).run1(a, b).ints()).containsExactly(0b1000, 5);
    assertThat(KernelHarness.op("BitwiseOr", 18).run1(a, b).ints()).containsExactly(0b1110, -1);
    assertThat(KernelHarness.op("BitwiseXor", 18).run1(a, b).ints()).containsExactly(0b0110, -6);
    Tensor y = KernelHarness.op("BitwiseXor", 18).run1(u8(0xF0, 0xFF), u8(0xFF));
    assertThat(y.bytes()).containsExactly((byte) 0x0F, (byte) 0);
  }

  @Test
  void bitShiftIsLogicalAndDropsBitsShiftedOut() {
    Tensor x = u8(0x81, 1, 0xFF);
    Tensor s = u8(1, 7, 8);
    assertThat(KernelHarness.op("BitShift", 11).attr("direction", "LEFT").run1(x, s).bytes())
        .containsExactly((byte) 0x02, (byte) 0x80, (byte) 0);
    assertThat(KernelHarness.op("BitShift", 11).attr("direction", "RIGHT").run1(x, s).bytes())
        .containsExactly((byte) 0x40, (byte) 0, (byte) 0);
    Tensor top = Tensor.wrap(DType.UINT64, Shape.of(2), new long[] {Long.MIN_VALUE, 1});
    Tensor k = Tensor.wrap(DType.UINT64, Shape.of(2), new long[] {63, 64});
    assertThat(KernelHarness.op("BitShift", 11).attr("direction", "RIGHT").run1(top, k).longs())
        .containsExactly(1, 0);
    assertThat(KernelHarness.op("BitShift", 11).attr("direction", "LEFT").run1(top, k).longs())
        .containsExactly(0, 0);
  }

  @Test
  void bitShiftNeedsADirection() {
    assertThatThrownBy(() -> KernelHarness.op("BitShift", 11).attr("direction", "UP")
            .run1(u8(1), u8(1)))
        .hasMessageContaining("direction must be LEFT or RIGHT");
  }
}
