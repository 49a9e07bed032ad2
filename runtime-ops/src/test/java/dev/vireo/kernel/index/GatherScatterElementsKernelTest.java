package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GatherScatterElementsKernelTest {
  @Test
  void gatherElementsAxis1() {
    Tensor y = run1("GatherElements", 13, attrs(Attribute.of("axis", 1L)), Tensor.of(new int[] {1, 2, 3, 4}, 2, 2),
        Tensor.of(new long[] {0, 0, 1, 0}, 2, 2));
    assertThat(y.ints()).containsExactly(1, 1, 4, 3);
  }

  @Test
  void gatherElementsAxis0NegativeIndicesSmallerShape() {
    Tensor data = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
    Tensor y = run1("GatherElements", 11, attrs(), data, Tensor.of(new int[] {-1, -2, 0, 2, 0, 0}, 2, 3));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y.floats()).containsExactly(7, 5, 3, 7, 2, 3);
  }

  @Test
  void gatherElementsIndexOutOfRange() {
    assertThatThrownBy(() -> run1("GatherElements", 13, attrs(), Tensor.of(new int[] {1, 2}, 2),
        Tensor.of(new long[] {2}, 1))).hasMessageContaining("index 2").hasMessageContaining("of size 2");
  }

  @Test
  void scatterElementsAxis1() {
    Tensor y = run1("ScatterElements", 13, attrs(Attribute.of("axis", 1L)),
        Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 5), Tensor.of(new long[] {1, 3}, 1, 2),
        Tensor.of(new float[] {1.1f, 2.1f}, 1, 2));
    assertThat(y.floats()).containsExactly(1, 1.1f, 3, 2.1f, 5);
  }

  @Test
  void scatterElementsDefaultAxisAndOldScatterName() {
    Tensor data = Tensor.of(new float[9], 3, 3);
    Tensor idx = Tensor.of(new long[] {1, 0, 2, 0, 2, 1}, 2, 3);
    Tensor upd = Tensor.of(new float[] {1, 1.1f, 1.2f, 2, 2.1f, 2.2f}, 2, 3);
    float[] expected = {2, 1.1f, 0, 1, 0, 2.2f, 0, 2.1f, 1.2f};
    assertThat(run1("ScatterElements", 11, attrs(), data, idx, upd).floats()).containsExactly(expected);
    assertThat(run1("Scatter", 9, attrs(), data, idx, upd).floats()).containsExactly(expected);
  }

  @Test
  void scatterElementsReductions() {
    Tensor data = Tensor.of(new long[] {1, 2, 3, 4, 5}, 1, 5);
    Tensor idx = Tensor.of(new long[] {1, 1}, 1, 2);
    Tensor upd = Tensor.of(new long[] {3, 7}, 1, 2);
    assertThat(run1("ScatterElements", 16, attrs(Attribute.of("axis", 1L), Attribute.of("reduction", "add")),
        data, idx, upd).longs()).containsExactly(1, 12, 3, 4, 5);
    assertThat(run1("ScatterElements", 16, attrs(Attribute.of("axis", 1L), Attribute.of("reduction", "mul")),
        data, idx, upd).longs()).containsExactly(1, 42, 3, 4, 5);
    assertThat(run1("ScatterElements", 18, attrs(Attribute.of("axis", 1L), Attribute.of("reduction", "max")),
        data, idx, upd).longs()).containsExactly(1, 7, 3, 4, 5);
    assertThat(run1("ScatterElements", 18, attrs(Attribute.of("axis", 1L), Attribute.of("reduction", "min")),
        data, idx, upd).longs()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void reductionNeedsItsOpset() {
    Tensor data = Tensor.of(new float[] {1}, 1);
    Tensor idx = Tensor.of(new long[] {0}, 1);
    assertThatThrownBy(() -> run1("ScatterElements", 16, attrs(Attribute.of("reduction", "max")), data, idx, data))
        .hasMessageContaining("needs opset 18");
    assertThatThrownBy(() -> run1("ScatterElements", 13, attrs(Attribute.of("reduction", "add")), data, idx, data))
        .hasMessageContaining("needs opset 16");
  }
}
