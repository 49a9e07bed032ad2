package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.registered;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** CumSum, NonZero, Size. */
class CountingKernelTest {
  private static final Tensor ONE_D = Tensor.of(new double[] {1, 2, 3, 4, 5}, 5);
  private static final Tensor AXIS0 = Tensor.of(new int[] {0}, new int[0]);

  @Test
  void cumSumVariants() {
    assertThat(run1("CumSum", 11, attrs(), ONE_D, AXIS0).doubles()).containsExactly(1, 3, 6, 10, 15);
    assertThat(run1("CumSum", 11, attrs(Attribute.of("exclusive", 1L)), ONE_D, AXIS0).doubles())
        .containsExactly(0, 1, 3, 6, 10);
    assertThat(run1("CumSum", 11, attrs(Attribute.of("reverse", 1L)), ONE_D, AXIS0).doubles())
        .containsExactly(15, 14, 12, 9, 5);
    assertThat(run1("CumSum", 11, attrs(Attribute.of("reverse", 1L), Attribute.of("exclusive", 1L)), ONE_D, AXIS0)
        .doubles()).containsExactly(14, 12, 9, 5, 0);
  }

  @Test
  void cumSumAxis1Ints() {
    Tensor x = Tensor.of(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(run1("CumSum", 14, attrs(), x, Tensor.scalar(-1L)).longs()).containsExactly(1, 3, 6, 4, 9, 15);
    assertThat(run1("CumSum", 14, attrs(), x, Tensor.scalar(0L)).longs()).containsExactly(1, 2, 3, 5, 7, 9);
  }

  @Test
  void cumSumHalfFromOpset14() {
    short[] h = {Float16.floatToHalf(1), Float16.floatToHalf(2.5f)};
    Tensor x = Tensor.wrap(DType.FLOAT16, Shape.of(2), h);
    Tensor y = run1("CumSum", 14, attrs(), x, AXIS0);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(y.getDouble(1)).isEqualTo(3.5);
    assertThatThrownBy(() -> run1("CumSum", 13, attrs(), x, AXIS0)).hasMessageContaining("f16");
  }

  @Test
  void nonZero() {
    Tensor y = run1("NonZero", 13, attrs(), Tensor.of(new boolean[] {true, false, true, true}, 2, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.longs()).containsExactly(0, 1, 1, 0, 0, 1);
    Tensor f = run1("NonZero", 9, attrs(), Tensor.of(new float[] {0, -0f, 3, 0}, 4));
    assertThat(f.shape()).isEqualTo(Shape.of(1, 1));
    assertThat(f.longs()).containsExactly(2);
    Tensor s = run1("NonZero", 13, attrs(), Tensor.of(new String[] {"", "a"}, 2));
    assertThat(s.longs()).containsExactly(1);
  }

  @Test
  void size() {
    Tensor y = run1("Size", 13, attrs(), Tensor.of(new float[6], 2, 3));
    assertThat(y.shape()).isEqualTo(Shape.SCALAR);
    assertThat(y.longs()).containsExactly(6);
    assertThat(run1("Size", 1, attrs(), Tensor.wrap(DType.STRING, Shape.of(0, 4), new String[0])).longs())
        .containsExactly(0);
  }

  @Test
  void registrationsStartAtFirstVersion() {
    assertThat(registered("CumSum", 10)).isFalse();
    assertThat(registered("NonZero", 8)).isFalse();
    assertThat(registered("Trilu", 13)).isFalse();
    assertThat(registered("Unique", 11)).isTrue();
    assertThat(registered("Upsample", 10)).isFalse();
    assertThat(registered("Resize", 9)).isFalse();
    for (int opset = 7; opset <= 24; opset++) {
      assertThat(registered("TopK", opset)).as("TopK opset %d", opset).isTrue();
      assertThat(registered("Pad", opset)).as("Pad opset %d", opset).isTrue();
      assertThat(registered("Split", opset)).as("Split opset %d", opset).isTrue();
    }
  }
}
