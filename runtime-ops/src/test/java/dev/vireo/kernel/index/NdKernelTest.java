package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** GatherND and ScatterND, with the spec's examples. */
class NdKernelTest {
  private static final Tensor D222 = Tensor.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);

  @Test
  void gatherNdElementsAndSlices() {
    Tensor e = run1("GatherND", 11, attrs(), Tensor.of(new int[] {0, 1, 2, 3}, 2, 2),
        Tensor.of(new long[] {0, 0, 1, 1}, 2, 2));
    assertThat(e.shape()).isEqualTo(Shape.of(2));
    assertThat(e.ints()).containsExactly(0, 3);
    Tensor s = run1("GatherND", 11, attrs(), Tensor.of(new int[] {0, 1, 2, 3}, 2, 2),
        Tensor.of(new long[] {1, 0}, 2, 1));
    assertThat(s.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(s.ints()).containsExactly(2, 3, 0, 1);
  }

  @Test
  void gatherNdDeeperIndices() {
    Tensor y = run1("GatherND", 12, attrs(), D222, Tensor.of(new long[] {0, 1, 1, 0}, 2, 1, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2));
    assertThat(y.ints()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void gatherNdBatchDims() {
    Tensor y = run1("GatherND", 12, attrs(Attribute.of("batch_dims", 1L)), D222, Tensor.of(new long[] {1, 0}, 2, 1));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.ints()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void gatherNdNegativeAndOutOfRange() {
    Tensor y = run1("GatherND", 13, attrs(), Tensor.of(new int[] {0, 1, 2, 3}, 2, 2), Tensor.of(new long[] {-1, -2}, 1, 2));
    assertThat(y.ints()).containsExactly(2);
    assertThatThrownBy(() -> run1("GatherND", 13, attrs(), Tensor.of(new int[] {0, 1, 2, 3}, 2, 2),
        Tensor.of(new long[] {2, 0}, 1, 2))).hasMessageContaining("index 2").hasMessageContaining("axis 0");
  }

  @Test
  void scatterNdSlices() {
    float[] data = new float[4 * 4 * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = i % 4 + 1;
    }
    float[] upd = new float[2 * 4 * 4];
    java.util.Arrays.fill(upd, 0, 16, 5);
    java.util.Arrays.fill(upd, 16, 32, 8);
    Tensor y = run1("ScatterND", 11, attrs(), Tensor.of(data, 4, 4, 4), Tensor.of(new long[] {0, 2}, 2, 1),
        Tensor.of(upd, 2, 4, 4));
    assertThat(y.floats()[0]).isEqualTo(5);
    assertThat(y.floats()[16]).isEqualTo(1);
    assertThat(y.floats()[33]).isEqualTo(8);
    assertThat(y.floats()[63]).isEqualTo(4);
  }

  @Test
  void scatterNdElementsWithReductions() {
    Tensor data = Tensor.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
    Tensor idx = Tensor.of(new long[] {4, 3, 1, 7, 1}, 5, 1);
    Tensor upd = Tensor.of(new int[] {9, 10, 11, 12, 13}, 5);
    assertThat(run1("ScatterND", 11, attrs(), data, Tensor.of(new long[] {4, 3, 1, 7}, 4, 1),
        Tensor.of(new int[] {9, 10, 11, 12}, 4)).ints()).containsExactly(1, 11, 3, 10, 9, 6, 7, 12);
    assertThat(run1("ScatterND", 16, attrs(Attribute.of("reduction", "add")), data, idx, upd).ints())
        .containsExactly(1, 26, 3, 14, 14, 6, 7, 20);
    assertThat(run1("ScatterND", 16, attrs(Attribute.of("reduction", "mul")), data, idx, upd).ints())
        .containsExactly(1, 286, 3, 40, 45, 6, 7, 96);
    assertThat(run1("ScatterND", 18, attrs(Attribute.of("reduction", "max")), data, idx, upd).ints())
        .containsExactly(1, 13, 3, 10, 9, 6, 7, 12);
    assertThat(run1("ScatterND", 18, attrs(Attribute.of("reduction", "min")), data, idx, upd).ints())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void scatterNdUpdatesMustFit() {
    assertThatThrownBy(() -> run1("ScatterND", 13, attrs(), Tensor.of(new int[] {1, 2}, 2),
        Tensor.of(new long[] {0}, 1, 1), Tensor.of(new int[] {1, 2}, 2))).hasMessageContaining("do not fit");
  }
}
