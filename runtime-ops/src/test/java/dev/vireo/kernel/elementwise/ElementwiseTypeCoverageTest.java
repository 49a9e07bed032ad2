package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Element types served beyond the float kernels: f64 and u64 Clip, integer Shrink, u64 PRelu. */
class ElementwiseTypeCoverageTest {
  @Test
  void clipDoubleKeepsDoublePrecision() {
    Tensor x = Tensor.of(new double[] {-2.0, 0.1 + 1e-12, 0.7, 3.0}, 4);
    Tensor y = KernelHarness.op("Clip", 13).run1(x, Tensor.of(new double[] {0.1}), Tensor.of(new double[] {1.5}));
    assertThat(y.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(y.doubles()).containsExactly(0.1, 0.1 + 1e-12, 0.7, 1.5);
  }

  @Test
  void clipUint64ComparesUnsigned() {
    // -1L is 2^64-1 as u64: above max, so it clips to max rather than to min
    Tensor x = Tensor.wrap(DType.UINT64, Shape.of(4), new long[] {-1L, 1L, 5L, 100L});
    Tensor lo = Tensor.wrap(DType.UINT64, Shape.of(), new long[] {2L});
    Tensor hi = Tensor.wrap(DType.UINT64, Shape.of(), new long[] {50L});
    Tensor y = KernelHarness.op("Clip", 13).run1(x, lo, hi);
    assertThat(y.dtype()).isEqualTo(DType.UINT64);
    assertThat(y.longs()).containsExactly(50L, 2L, 5L, 50L);
  }

  @Test
  void shrinkInt32TruncatesTowardZero() {
    Tensor x = Tensor.of(new int[] {-5, -2, -1, 0, 1, 2, 5}, 7);
    Tensor y = KernelHarness.op("Shrink", 9).attr("lambd", 1.5f).attr("bias", 1.5f).run1(x);
    // -5 + 1.5 = -3.5 -> -3; -2 + 1.5 = -0.5 -> 0; |x| <= 1.5 -> 0; 2 - 1.5 = 0.5 -> 0; 5 - 1.5 -> 3
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.ints()).containsExactly(-3, 0, 0, 0, 0, 0, 3);
  }

  @Test
  void shrinkInt8AndUint64WithIntegralBias() {
    Tensor x8 = Tensor.wrap(DType.INT8, Shape.of(4), new byte[] {-128, -3, 3, 127});
    Tensor y8 = KernelHarness.op("Shrink", 9).attr("lambd", 2f).attr("bias", 1f).run1(x8);
    assertThat(y8.dtype()).isEqualTo(DType.INT8);
    assertThat(y8.bytes()).containsExactly((byte) -127, (byte) -2, (byte) 2, (byte) 126);

    // 2^64-1 as u64 is above lambd, so bias is subtracted
    Tensor xu = Tensor.wrap(DType.UINT64, Shape.of(3), new long[] {-1L, 1L, 10L});
    Tensor yu = KernelHarness.op("Shrink", 9).attr("lambd", 1f).attr("bias", 2f).run1(xu);
    assertThat(yu.longs()).containsExactly(-3L, 0L, 8L);
  }

  @Test
  void preluUint64IsIdentityBroadcast() {
    Tensor x = Tensor.wrap(DType.UINT64, Shape.of(2, 2), new long[] {-1L, 0L, 7L, 1L << 63});
    Tensor slope = Tensor.wrap(DType.UINT64, Shape.of(2), new long[] {3L, 4L});
    Tensor y = KernelHarness.op("PRelu", 16).run1(x, slope);
    assertThat(y.dtype()).isEqualTo(DType.UINT64);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.longs()).containsExactly(-1L, 0L, 7L, 1L << 63);
  }
}
