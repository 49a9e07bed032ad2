package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** CastLike, IsNaN, IsInf, BitwiseNot, Mean, and the types each opset allows. */
class MiscElementwiseKernelsTest {
  private static final float NAN = Float.NaN;
  private static final float INF = Float.POSITIVE_INFINITY;

  @Test
  void castLikeTakesTheSecondInputsType() {
    Tensor x = Tensor.of(new float[] {1.9f, -2.7f, 300f}, 3);
    Tensor likeInt = Tensor.wrap(DType.INT32, Shape.of(0), new int[0]);
    Tensor y = KernelHarness.op("CastLike", 15).run1(x, likeInt);
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.ints()).containsExactly(1, -2, 300);
    Tensor likeHalf = Tensor.wrap(DType.FLOAT16, Shape.of(1), new short[1]);
    Tensor h = KernelHarness.op("CastLike", 21).run1(x, likeHalf);
    assertThat(h.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(h.shorts()[2]).isEqualTo(Float16.floatToHalf(300f));
    Tensor s = KernelHarness.op("CastLike", 19).run1(Tensor.of(new String[] {"2.5", "-INF"}, 2),
        Tensor.of(new double[] {0}, 1));
    assertThat(s.doubles()).containsExactly(2.5, Double.NEGATIVE_INFINITY);
  }

  @Test
  void isNanAndIsInf() {
    Tensor x = Tensor.of(new float[] {NAN, INF, -INF, 0f, 1e38f}, 5);
    assertThat(KernelHarness.op("IsNaN", 20).run1(x).booleans())
        .containsExactly(true, false, false, false, false);
    assertThat(KernelHarness.op("IsInf", 20).run1(x).booleans())
        .containsExactly(false, true, true, false, false);
    assertThat(KernelHarness.op("IsInf", 10).attr("detect_negative", 0L).run1(x).booleans())
        .containsExactly(false, true, false, false, false);
    assertThat(KernelHarness.op("IsInf", 10).attr("detect_positive", 0L).run1(x).booleans())
        .containsExactly(false, false, true, false, false);
    Tensor d = Tensor.of(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}, 2);
    assertThat(KernelHarness.op("IsNaN", 13).run1(d).booleans()).containsExactly(true, false);
    assertThat(KernelHarness.op("IsInf", 10).run1(d).booleans()).containsExactly(false, true);
  }

  @Test
  void bitwiseNotFlipsEveryBit() {
    assertThat(KernelHarness.op("BitwiseNot", 18).run1(Tensor.of(new int[] {0, 5, -1}, 3)).ints())
        .containsExactly(-1, -6, 0);
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {0, (byte) 0x0F});
    assertThat(KernelHarness.op("BitwiseNot", 18).run1(u8).bytes())
        .containsExactly((byte) 0xFF, (byte) 0xF0);
    Tensor u64 = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {0});
    assertThat(KernelHarness.op("BitwiseNot", 18).run1(u64).longs()).containsExactly(-1L);
    // the input is left as it was
    assertThat(u64.longs()).containsExactly(0L);
  }

  @Test
  void meanOfBroadcastInputs() {
    Tensor a = Tensor.of(new float[] {1, 2, 3}, 3);
    Tensor b = Tensor.of(new float[] {4}, 1);
    Tensor c = Tensor.of(new float[] {1, 1, 1}, 3);
    assertThat(KernelHarness.op("Mean", 13).run1(a, b, c).floats()).containsExactly(2, 7f / 3, 8f / 3);
    // one input: a copy, the input untouched
    Tensor d = Tensor.of(new double[] {5, 6}, 2);
    assertThat(KernelHarness.op("Mean", 8).run1(d).doubles()).containsExactly(5, 6);
  }

  @Test
  void meanRejectsIntegers() {
    assertThatThrownBy(() -> KernelHarness.op("Mean", 13).run1(Tensor.of(new int[] {1}, 1)))
        .hasMessageContaining("Mean");
  }

  @Test
  void typesFollowTheOpsetThatAllowsThem() {
    assertThat(served("Cos", 21, DType.BFLOAT16)).isFalse();
    assertThat(served("Cos", 22, DType.BFLOAT16)).isTrue();
    assertThat(served("Celu", 12, DType.DOUBLE)).isFalse();
    assertThat(served("Celu", 28, DType.DOUBLE)).isTrue();
    assertThat(served("IsInf", 10, DType.FLOAT16)).isFalse();
    assertThat(served("IsInf", 20, DType.FLOAT16)).isTrue();
    assertThat(served("Mod", 12, DType.BFLOAT16)).isFalse();
    assertThat(served("Mod", 13, DType.UINT64)).isTrue();
    assertThat(served("PRelu", 8, DType.INT32)).isFalse();
    assertThat(served("PRelu", 9, DType.INT32)).isTrue();
    assertThat(served("BitShift", 11, DType.INT32)).isFalse();
    assertThat(served("Gelu", 19, DType.FLOAT)).isFalse();
  }

  private static boolean served(String op, int opset, DType t) {
    return StandardKernels.registry().find("", op, opset, i -> t).registration() != null;
  }
}
