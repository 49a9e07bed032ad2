package dev.vireo.kernel.layout;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SplitKernelTest {
  private static final Tensor SIX = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 6);

  @Test
  void equalPartsWithoutSplit() {
    Tensor[] y = run("Split", 13, 3, attrs(), SIX);
    assertThat(y[0].floats()).containsExactly(1, 2);
    assertThat(y[1].floats()).containsExactly(3, 4);
    assertThat(y[2].floats()).containsExactly(5, 6);
  }

  @Test
  void splitAttributeBeforeOpset13() {
    Tensor[] y = run("Split", 11, 2, attrs(Attribute.ints("split", 2, 4)), SIX);
    assertThat(y[0].floats()).containsExactly(1, 2);
    assertThat(y[1].floats()).containsExactly(3, 4, 5, 6);
  }

  @Test
  void splitInputOnAxis1() {
    Tensor x = Tensor.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4);
    Tensor[] y = run("Split", 13, 2, attrs(Attribute.of("axis", -1L)), x, Tensor.of(new long[] {1, 3}, 2));
    assertThat(y[0].shape()).isEqualTo(Shape.of(2, 1));
    assertThat(y[0].ints()).containsExactly(1, 5);
    assertThat(y[1].ints()).containsExactly(2, 3, 4, 6, 7, 8);
  }

  @Test
  void emptySplitInputMeansEven() {
    Tensor[] y = run("Split", 13, 2, attrs(), SIX, Tensor.of(new long[0], 0));
    assertThat(y[1].floats()).containsExactly(4, 5, 6);
  }

  @Test
  void zeroLengthPart() {
    Tensor[] y = run("Split", 13, 2, attrs(), SIX, Tensor.of(new long[] {6, 0}, 2));
    assertThat(y[1].shape()).isEqualTo(Shape.of(0));
  }

  @Test
  void numOutputsUnevenFromOpset18() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7}, 7);
    Tensor[] y = run("Split", 18, 3, attrs(Attribute.of("num_outputs", 3L)), x);
    assertThat(y[0].floats()).containsExactly(1, 2, 3);
    assertThat(y[1].floats()).containsExactly(4, 5, 6);
    assertThat(y[2].floats()).containsExactly(7);
  }

  @Test
  void errors() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7}, 7);
    assertThatThrownBy(() -> run("Split", 13, 3, attrs(), x)).hasMessageContaining("does not divide");
    assertThatThrownBy(() -> run("Split", 13, 2, attrs(), SIX, Tensor.of(new long[] {1, 2}, 2)))
        .hasMessageContaining("summing to dim 0");
    assertThatThrownBy(() -> run("Split", 18, 2, attrs(Attribute.of("num_outputs", 3L)), SIX))
        .hasMessageContaining("num_outputs 3");
  }
}
