package dev.vireo.kernel.quant;

import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.i8;
import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.u8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QLinearConvKernelTest {
  @Test
  void biasAndPerChannelWeightScale() {
    Tensor x = u8(Shape.of(1, 1, 2, 2), 10, 11, 12, 13);
    Tensor w = i8(Shape.of(2, 1, 1, 1), 1, -2);
    Tensor y = KernelHarness.op("QLinearConv", 10).run1(x, Tensor.scalar(1f), u8(Shape.SCALAR, 10),
        w, Tensor.of(new float[] {0.5f, 1f}, 2), i8(Shape.SCALAR, 0), Tensor.scalar(1f),
        u8(Shape.SCALAR, 50), Tensor.of(new int[] {1, 100}, 2));
    // x - 10 = [0, 1, 2, 3]; channel 0: (x + 1) * 0.5 = [0.5, 1, 1.5, 2] -> [0, 1, 2, 2];
    // channel 1: (-2x + 100) = [100, 98, 96, 94]; + 50 then clamped to 255
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 2, 2));
    assertThat(y.toLongArray()).containsExactly(50, 51, 52, 52, 150, 148, 146, 144);
  }
}
