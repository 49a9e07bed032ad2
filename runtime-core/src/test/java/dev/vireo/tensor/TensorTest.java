package dev.vireo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void wrapsPrimitiveArraysAndChecksLengthAndClass() {
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(t.describe()).isEqualTo("f32[2,3]");
    assertThat(t.shape().strides()).containsExactly(3, 1);
    assertThatThrownBy(() -> Tensor.of(new float[] {1, 2}, 3))
        .hasMessage("shape [3] needs 3 elements, the array has 2");
    assertThatThrownBy(() -> Tensor.wrap(DType.INT64, Shape.of(1), new int[] {1}))
        .hasMessage("a i64 tensor needs long[] data, got int[]");
    assertThatThrownBy(() -> Tensor.zeros(DType.COMPLEX64, Shape.of(1)))
        .hasMessageContaining("c64 is not supported");
  }

  @Test
  void reshapeIsAViewSharingTheArray() {
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor r = t.reshape(Shape.of(3, 2));
    assertThat(r.data()).isSameAs(t.data());
    assertThatThrownBy(() -> t.reshape(Shape.of(4))).hasMessageContaining("element counts differ");
  }

  @Test
  void readsUnsignedAndHalfTypesAsNumbers() {
    Tensor u8 = Tensor.wrap(DType.UINT8, Shape.of(2), new byte[] {(byte) 255, 1});
    assertThat(u8.getDouble(0)).isEqualTo(255);
    assertThat(u8.getLong(0)).isEqualTo(255);
    Tensor u64 = Tensor.wrap(DType.UINT64, Shape.of(1), new long[] {-1L});
    assertThat(u64.getDouble(0)).isEqualTo(1.8446744073709552E19);
    assertThat(u64.formatElement(0)).isEqualTo("18446744073709551615");
    Tensor h = Tensor.wrap(DType.FLOAT16, Shape.of(1), new short[] {Float16.floatToHalf(1.5f)});
    assertThat(h.getDouble(0)).isEqualTo(1.5);
    assertThat(Float16.bfloat16ToFloat(Float16.floatToBfloat16(3.140625f))).isEqualTo(3.140625f);
    // bfloat16 rounds to nearest even: 1 + 2^-8 is halfway between 1 and 1 + 2^-7
    assertThat(Float16.bfloat16ToFloat(Float16.floatToBfloat16(1f + 1f / 256))).isEqualTo(1f);
  }

  @Test
  void shapesRejectNegativeAndAbsurdDims() {
    assertThatThrownBy(() -> Shape.of(2, -1)).hasMessage("dim 1 is negative in [2, -1]");
    assertThatThrownBy(() -> Shape.of(1_000_000_000L, 1_000_000_000L))
        .hasMessageContaining("has more than");
    assertThat(Shape.of(0, 1_000_000_000).size()).isZero();
    assertThat(Shape.normalizeAxis(-1, 3)).isEqualTo(2);
    assertThatThrownBy(() -> Shape.normalizeAxis(3, 3)).hasMessage("axis 3 is out of range for rank 3");
  }

  @Test
  void toStringShowsTypeShapeAndFirstValues() {
    assertThat(Tensor.of(new long[] {1, 2, 3}, 3).toString()).isEqualTo("i64[3] {1, 2, 3}");
    assertThat(Tensor.of(new float[10], 10).toString()).endsWith(", ...}");
  }

  @Test
  void getDoubleDecodesFloat8AndFloat4() {
    Tensor f8 = Tensor.wrap(DType.FLOAT8E4M3FN, Shape.of(3), new byte[] {0x38, (byte) 0xFE, 0x7F});
    assertThat(f8.getDouble(0)).isEqualTo(1.0);
    assertThat(f8.getDouble(1)).isEqualTo(-448.0);
    assertThat(f8.getDouble(2)).isNaN();
    assertThat(f8.formatElement(1)).isEqualTo("-448.0");
    assertThat(Tensor.wrap(DType.FLOAT4E2M1, Shape.of(1), new byte[] {0xF}).getDouble(0)).isEqualTo(-6.0);
    assertThat(Tensor.wrap(DType.FLOAT8E8M0, Shape.of(1), new byte[] {(byte) 0x80}).getDouble(0))
        .isEqualTo(2.0);
  }
}
