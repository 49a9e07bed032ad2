package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MatMulIntegerKernelTest {
  static Tensor u8(Shape s, int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return Tensor.wrap(DType.UINT8, s, b);
  }

  static Tensor i8(Shape s, int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return Tensor.wrap(DType.INT8, s, b);
  }

  @Test
  void subtractsZeroPointsAndAccumulatesInInt32() {
    Tensor a = u8(Shape.of(2, 2), 255, 255, 1, 2);
    Tensor b = i8(Shape.of(2, 2), -128, 1, -128, 2);
    Tensor y = KernelHarness.op("MatMulInteger", 10)
        .run1(a, b, u8(Shape.SCALAR, 1), i8(Shape.SCALAR, 0));
    // (A - 1) = [[254, 254], [0, 1]]
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.ints()).containsExactly(254 * -256, 254 * 3, -128, 2);
  }

  @Test
  void perRowAndPerColumnZeroPointsAndBatchBroadcast() {
    Tensor a = u8(Shape.of(2, 1, 2), 3, 4, 5, 6);
    Tensor b = u8(Shape.of(2, 2), 1, 2, 3, 4);
    Tensor y = KernelHarness.op("MatMulInteger", 10)
        .run1(a, b, u8(Shape.of(1), 1), u8(Shape.of(2), 1, 2));
    // B - [1, 2] per column = [[0, 0], [2, 2]]; rows (A - 1) = [2, 3] and [4, 5]
    assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2));
    assertThat(y.ints()).containsExactly(6, 6, 10, 10);
  }
}
