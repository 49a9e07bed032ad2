package dev.vireo.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QuantizeLinearKernelTest {
  private static Tensor bytes(DType t, int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return Tensor.wrap(t, Shape.of(v.length), b);
  }

  @Test
  void opset10RoundsHalfToEvenAndSaturates() {
    Tensor x = Tensor.of(new float[] {0, 1, 3, -3, 1000, -1000}, 6);
    Tensor y = KernelHarness.op("QuantizeLinear", 10)
        .run1(x, Tensor.scalar(2f), Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) 128}));
    // 1/2 = 0.5 -> 0, 3/2 = 1.5 -> 2, -1.5 -> -2; then + 128, clamped to [0, 255]
    assertThat(y.dtype()).isEqualTo(DType.UINT8);
    assertThat(y.toLongArray()).containsExactly(128, 128, 130, 126, 255, 0);
    Tensor noZp = KernelHarness.op("QuantizeLinear", 10).run1(x, Tensor.scalar(2f));
    assertThat(noZp.dtype()).isEqualTo(DType.UINT8);
    assertThat(noZp.toLongArray()).containsExactly(0, 0, 2, 0, 255, 0);
  }

  @Test
  void opset13PerAxis() {
    Tensor x = Tensor.of(new float[] {2, 4, 6, 2, 4, 6}, 2, 3);
    Tensor scale = Tensor.of(new float[] {1, 2, 4}, 3);
    Tensor zp = bytes(DType.INT8, 0, 1, -1);
    Tensor y = KernelHarness.op("QuantizeLinear", 13).attr("axis", 1L).run1(x, scale, zp);
    // 2/1 + 0 = 2, 4/2 + 1 = 3, 6/4 = 1.5 -> 2, - 1 = 1
    assertThat(y.toLongArray()).containsExactly(2, 3, 1, 2, 3, 1);
  }

  @Test
  void opset21BlockedToInt4() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 100, 4, 8, 12, -100}, 2, 4);
    Tensor scale = Tensor.of(new float[] {1, 10, 4, 10}, 2, 2);
    Tensor zp = Tensor.wrap(DType.INT4, Shape.of(2, 2), new byte[] {0, 0, 0, 0});
    Tensor y = KernelHarness.op("QuantizeLinear", 21).attr("axis", 1L).attr("block_size", 2L)
        .run1(x, scale, zp);
    // row 0: blocks {1,2}/1, {3,100}/10 -> 0.3, 10 -> 0, 7 (clamped); row 1: /4 and /10
    assertThat(y.dtype()).isEqualTo(DType.INT4);
    assertThat(y.toLongArray()).containsExactly(1, 2, 0, 7, 1, 2, 1, -8);
  }

  @Test
  void opset21OutputDtypeWithoutZeroPoint() {
    Tensor y = KernelHarness.op("QuantizeLinear", 21).attr("output_dtype", (long) DType.UINT16.onnxCode())
        .run1(Tensor.of(new float[] {70000, 2.5f}, 2), Tensor.scalar(1f));
    assertThat(y.dtype()).isEqualTo(DType.UINT16);
    assertThat(y.toLongArray()).containsExactly(65535, 2);
  }

  @Test
  void opset23PrecisionRoundsTheQuotient() {
    Tensor x = Tensor.of(new float[] {2049}, 1);
    Tensor zp = Tensor.wrap(DType.INT16, Shape.SCALAR, new short[] {0});
    assertThat(KernelHarness.op("QuantizeLinear", 23).run1(x, Tensor.scalar(1f), zp).toLongArray())
        .containsExactly(2049);
    // in float16 2049 is a tie between 2048 and 2050 and rounds to the even 2048
    Tensor y = KernelHarness.op("QuantizeLinear", 23).attr("precision", (long) DType.FLOAT16.onnxCode())
        .run1(x, Tensor.scalar(1f), zp);
    assertThat(y.toLongArray()).containsExactly(2048);
  }

  @Test
  void opset19Float8FollowsSaturate() {
    Tensor x = Tensor.of(new float[] {1, 1000}, 2);
    Tensor zp = bytes(DType.FLOAT8E4M3FN, 0);
    Tensor sat = KernelHarness.op("QuantizeLinear", 19).run1(x, Tensor.scalar(0.5f), zp);
    assertThat(sat.bytes()).containsExactly(0x40, 0x7E);
    Tensor noSat = KernelHarness.op("QuantizeLinear", 19).attr("saturate", 0L)
        .run1(x, Tensor.scalar(0.5f), zp);
    assertThat(noSat.bytes()).containsExactly(0x40, 0x7F);
  }

  @Test
  void rejectsAScaleOfTheWrongLength() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    assertThatThrownBy(() -> KernelHarness.op("QuantizeLinear", 13)
        .run1(x, Tensor.of(new float[] {1, 2, 3}, 3)))
        .hasMessage("QuantizeLinear: per-axis scale must be 1-D of length 2 (axis 1 of input [2,2]),"
            + " got [3]");
  }
}
