package dev.vireo.kernel.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Expand, Slice, ConstantOfShape and Range. */
class CreationKernelsTest {
  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void expandBroadcastsBothWays() {
    Tensor x = Tensor.of(new float[] {1, 2}, 2, 1);
    Tensor y = KernelHarness.op("Expand", 13).run1(x, longs(2, 3));
    assertThat(y.floats()).containsExactly(1, 1, 1, 2, 2, 2);
    // a requested 1 keeps the input's larger dim
    Tensor z = KernelHarness.op("Expand", 13).run1(x, longs(3, 1, 1));
    assertThat(z.shape()).isEqualTo(Shape.of(3, 2, 1));
    assertThatThrownBy(() -> KernelHarness.op("Expand", 13).run1(x, longs(3, 3)))
        .hasMessageContaining("cannot broadcast shapes [2,1] and [3,3]");
  }

  @Test
  void sliceWithInputsNegativeStepsAndClamping() {
    float[] v = new float[12];
    for (int i = 0; i < 12; i++) {
      v[i] = i;
    }
    Tensor x = Tensor.of(v, 3, 4);
    Tensor a = KernelHarness.op("Slice", 13).run1(x, longs(1, 1), longs(3, 1000));
    assertThat(a.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(a.floats()).containsExactly(5, 6, 7, 9, 10, 11);
    // axis -1 reversed: starts at the last element, runs to the front
    Tensor b = KernelHarness.op("Slice", 13).run1(x, longs(-1), longs(Long.MIN_VALUE), longs(-1), longs(-2));
    assertThat(b.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(b.floats()).containsExactly(3, 1, 7, 5, 11, 9);
    Tensor empty = KernelHarness.op("Slice", 13).run1(x, longs(2), longs(1), longs(0));
    assertThat(empty.shape()).isEqualTo(Shape.of(0, 4));
    assertThatThrownBy(() -> KernelHarness.op("Slice", 13).run1(x, longs(0), longs(1), longs(0), longs(0)))
        .hasMessage("Slice: step 0 on axis 0");
  }

  @Test
  void sliceAttributesBeforeOpset10() {
    Tensor x = Tensor.of(new long[] {0, 1, 2, 3, 4}, 5);
    Tensor y = KernelHarness.op("Slice", 9).ints("starts", 1).ints("ends", -1).run1(x);
    assertThat(y.longs()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> KernelHarness.op("Slice", 9).kernel(x))
        .hasMessageContaining("needs the starts and ends attributes");
  }

  @Test
  void constantOfShapeFillsWithTheValue() {
    Tensor zeros = KernelHarness.op("ConstantOfShape", 20).run1(longs(2, 2));
    assertThat(zeros.dtype()).isEqualTo(DType.FLOAT);
    assertThat(zeros.floats()).containsExactly(0, 0, 0, 0);
    Tensor sevens = KernelHarness.op("ConstantOfShape", 20)
        .attr(Attribute.of("value", Tensor.of(new long[] {7}, 1))).run1(longs(3));
    assertThat(sevens.longs()).containsExactly(7, 7, 7);
    assertThat(KernelHarness.op("ConstantOfShape", 20).run1(longs()).shape()).isEqualTo(Shape.SCALAR);
    assertThat(KernelHarness.op("ConstantOfShape", 20).run1(longs(0, 5)).size()).isZero();
  }

  @Test
  void rangeCountsCeilOfSpanOverDelta() {
    assertThat(KernelHarness.op("Range", 11).run1(Tensor.scalar(1L), Tensor.scalar(10L), Tensor.scalar(3L))
        .longs()).containsExactly(1, 4, 7);
    assertThat(KernelHarness.op("Range", 11).run1(Tensor.scalar(10f), Tensor.scalar(4f), Tensor.scalar(-2.5f))
        .floats()).containsExactly(10f, 7.5f, 5f);
    assertThat(KernelHarness.op("Range", 11).run1(Tensor.scalar(5L), Tensor.scalar(1L), Tensor.scalar(1L))
        .size()).isZero();
    assertThatThrownBy(() -> KernelHarness.op("Range", 11)
        .run1(Tensor.scalar(0L), Tensor.scalar(1L), Tensor.scalar(0L)))
        .hasMessage("Range: delta is 0");
  }

  private static Tensor half(DType t, float v) {
    short bits = t == DType.FLOAT16 ? Float16.floatToHalf(v) : Float16.floatToBfloat16(v);
    return Tensor.wrap(t, Shape.SCALAR, new short[] {bits});
  }

  @Test
  void rangeOfHalfFloatsIsComputedInFloatAndRounded() {
    // f16(0.3) = 1229/4096; ceil(1 / it) = 4 elements 1 + i·1229/4096 computed in f32, then
    // rounded to f16's 1/1024 steps: 1331.25 → 1331, 1638.5 → 1638 (even), 1945.75 → 1946
    Tensor y = KernelHarness.op("Range", 27).run1(half(DType.FLOAT16, 1), half(DType.FLOAT16, 2),
        half(DType.FLOAT16, 0.3f));
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(y.toFloatArray()).containsExactly(1f, 1331 / 1024f, 1638 / 1024f, 1946 / 1024f);
    Tensor b = KernelHarness.op("Range", 27).run1(half(DType.BFLOAT16, 0), half(DType.BFLOAT16, 1),
        half(DType.BFLOAT16, 0.25f));
    assertThat(b.dtype()).isEqualTo(DType.BFLOAT16);
    assertThat(b.toFloatArray()).containsExactly(0f, 0.25f, 0.5f, 0.75f);
  }
}
