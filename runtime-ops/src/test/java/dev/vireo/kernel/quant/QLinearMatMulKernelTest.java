package dev.vireo.kernel.quant;

import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.i8;
import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.u8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QLinearMatMulKernelTest {
  @Test
  void requantizesWithRoundHalfToEvenAndSaturation() {
    Tensor a = u8(Shape.of(1, 2), 11, 12);
    Tensor b = u8(Shape.of(2, 3), 1, 2, 100, 1, 3, 100);
    Tensor y = KernelHarness.op("QLinearMatMul", 10).run1(a, Tensor.scalar(0.5f), u8(Shape.SCALAR, 10),
        b, Tensor.scalar(1f), u8(Shape.SCALAR, 0), Tensor.scalar(1f), u8(Shape.SCALAR, 110));
    // (a - 10) = [1, 2]; acc = [3, 8, 300]; * 0.5 = [1.5, 4, 150] -> [2, 4, 150] + 110, clamped
    assertThat(y.dtype()).isEqualTo(DType.UINT8);
    assertThat(y.toLongArray()).containsExactly(112, 114, 255);
  }

  @Test
  void int8WithPerColumnScale() {
    Tensor a = i8(Shape.of(2), 1, -1);
    Tensor b = i8(Shape.of(2, 2), 10, 10, 4, 2);
    Tensor y = KernelHarness.op("QLinearMatMul", 21).run1(a, Tensor.scalar(1f), i8(Shape.SCALAR, 0),
        b, Tensor.of(new float[] {0.25f, 1f}, 2), i8(Shape.SCALAR, 0), Tensor.scalar(1f),
        i8(Shape.SCALAR, -1));
    // acc = [6, 8]; * [0.25, 1] = [1.5, 8] -> [2, 8] - 1
    assertThat(y.shape()).isEqualTo(Shape.of(2));
    assertThat(y.toLongArray()).containsExactly(1, 7);
  }
}
