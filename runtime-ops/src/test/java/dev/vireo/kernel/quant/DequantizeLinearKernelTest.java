package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DequantizeLinearKernelTest {
  @Test
  void opset10PerTensor() {
    Tensor x = Tensor.wrap(DType.UINT8, Shape.of(3), new byte[] {0, 3, (byte) 255});
    Tensor zp = Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128});
    Tensor y = KernelHarness.op("DequantizeLinear", 10).run1(x, Tensor.scalar(2f), zp);
    assertThat(y.floats()).containsExactly(-256, -250, 254);
  }

  @Test
  void opset13PerAxisInt32() {
    Tensor x = Tensor.of(new int[] {1, 2, 3, 4}, 2, 2);
    Tensor y = KernelHarness.op("DequantizeLinear", 13).attr("axis", 0L)
        .run1(x, Tensor.of(new float[] {1, 0.5f}, 2));
    assertThat(y.floats()).containsExactly(1, 2, 1.5f, 2);
  }

  @Test
  void opset21BlockedInt4() {
    Tensor x = Tensor.wrap(DType.INT4, Shape.of(1, 3), new byte[] {-8, 7, 2});
    Tensor scale = Tensor.of(new float[] {1, 3}, 1, 2);
    Tensor zp = Tensor.wrap(DType.INT4, Shape.of(1, 2), new byte[] {-1, 1});
    Tensor y = KernelHarness.op("DequantizeLinear", 21).attr("axis", 1L).attr("block_size", 2L)
        .run1(x, scale, zp);
    // block {-8, 7}: (x + 1) * 1; block {2}: (2 - 1) * 3
    assertThat(y.floats()).containsExactly(-7, 8, 3);
  }

  @Test
  void opset19Float8WithHalfScale() {
    Tensor x = Tensor.wrap(DType.FLOAT8E5M2, Shape.of(2), new byte[] {0x3C, (byte) 0xC0});
    Tensor scale = Tensor.wrap(DType.FLOAT16, Shape.SCALAR, new short[] {Float16.floatToHalf(3f)});
    Tensor y = KernelHarness.op("DequantizeLinear", 19).run1(x, scale);
    // 0x3C = 1.0, 0xC0 = -2.0
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(y.toFloatArray()).containsExactly(3f, -6f);
  }

  @Test
  void opset23OutputDtype() {
    Tensor x = Tensor.wrap(DType.INT8, Shape.of(1), new byte[] {-3});
    Tensor y = KernelHarness.op("DequantizeLinear", 23).attr("output_dtype", (long) DType.DOUBLE.onnxCode())
        .run1(x, Tensor.scalar(0.25f));
    assertThat(y.doubles()).containsExactly(-0.75);
  }
}
