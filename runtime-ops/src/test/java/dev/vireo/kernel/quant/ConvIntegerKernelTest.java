package dev.vireo.kernel.quant;

import static dev.vireo.kernel.quant.MatMulIntegerKernelTest.u8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvIntegerKernelTest {
  @Test
  void paddingContributesTheZeroPoint() {
    Tensor x = u8(Shape.of(1, 1, 3), 2, 3, 4);
    Tensor w = u8(Shape.of(1, 1, 2), 1, 2);
    Tensor y = KernelHarness.op("ConvInteger", 10).ints("pads", 1, 0)
        .run1(x, w, u8(Shape.SCALAR, 1), u8(Shape.SCALAR, 0));
    // x - 1 = [1, 2, 3] padded left with 0: [0,1]·[1,2] = 2, [1,2]·[1,2] = 5, [2,3]·[1,2] = 8
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 3));
    assertThat(y.ints()).containsExactly(2, 5, 8);
  }

  @Test
  void largeProductsStayExact() {
    int k = 300;
    int[] full = new int[k];
    java.util.Arrays.fill(full, 255);
    Tensor x = u8(Shape.of(1, k, 1, 1), full);
    Tensor w = u8(Shape.of(1, k, 1, 1), full);
    Tensor y = KernelHarness.op("ConvInteger", 10).run1(x, w);
    // 300 · 255² = 19 507 500 exceeds 2^24, where float sums would round
    assertThat(y.ints()).containsExactly(19_507_500);
  }
}
