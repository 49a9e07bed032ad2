package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** TopK, ArgMax and ArgMin. */
class TopKArgKernelTest {
  private static final Tensor X = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 11, 10, 9, 8}, 3, 4);

  @Test
  void topKInputK() {
    Tensor[] y = run("TopK", 11, 2, attrs(), X, Tensor.of(new long[] {3}, 1));
    assertThat(y[0].shape()).isEqualTo(Shape.of(3, 3));
    assertThat(y[0].floats()).containsExactly(3, 2, 1, 7, 6, 5, 11, 10, 9);
    assertThat(y[1].dtype()).isEqualTo(DType.INT64);
    assertThat(y[1].longs()).containsExactly(3, 2, 1, 3, 2, 1, 0, 1, 2);
  }

  @Test
  void topKAttributeBeforeOpset10AndAxis0() {
    Tensor[] y = run("TopK", 1, 2, attrs(Attribute.of("k", 1L), Attribute.of("axis", 0L)), X);
    assertThat(y[0].floats()).containsExactly(11, 10, 9, 8);
    assertThat(y[1].longs()).containsExactly(2, 2, 2, 2);
  }

  @Test
  void topKSmallestAndTiesKeepLowerIndex() {
    Tensor x = Tensor.of(new long[] {5, 1, 5, 1, 3}, 5);
    Tensor[] small = run("TopK", 11, 2, attrs(Attribute.of("largest", 0L)), x, Tensor.of(new long[] {3}, 1));
    assertThat(small[0].longs()).containsExactly(1, 1, 3);
    assertThat(small[1].longs()).containsExactly(1, 3, 4);
    Tensor[] large = run("TopK", 11, 2, attrs(), x, Tensor.of(new long[] {2}, 1));
    assertThat(large[1].longs()).containsExactly(0, 2);
  }

  @Test
  void topKKOutOfRange() {
    assertThatThrownBy(() -> run("TopK", 11, 2, attrs(), X, Tensor.of(new long[] {5}, 1)))
        .hasMessageContaining("k 5 is out of range");
  }

  @Test
  void argMaxKeepDimsAndLastIndex() {
    Tensor x = Tensor.of(new float[] {2, 2, 3, 10}, 2, 2);
    Tensor k = run1("ArgMax", 13, attrs(Attribute.of("axis", 1L)), x);
    assertThat(k.shape()).isEqualTo(Shape.of(2, 1));
    assertThat(k.longs()).containsExactly(0, 1);
    Tensor last = run1("ArgMax", 12, attrs(Attribute.of("axis", 1L), Attribute.of("select_last_index", 1L)), x);
    assertThat(last.longs()).containsExactly(1, 1);
    Tensor flat = run1("ArgMax", 11, attrs(Attribute.of("axis", -2L), Attribute.of("keepdims", 0L)), x);
    assertThat(flat.shape()).isEqualTo(Shape.of(2));
    assertThat(flat.longs()).containsExactly(1, 1);
  }

  @Test
  void argMin() {
    Tensor x = Tensor.of(new int[] {2, 1, 3, 10, 1, 1}, 2, 3);
    assertThat(run1("ArgMin", 13, attrs(Attribute.of("axis", 1L), Attribute.of("keepdims", 0L)), x).longs())
        .containsExactly(1, 1);
    assertThat(run1("ArgMin", 13, attrs(Attribute.of("axis", 1L), Attribute.of("keepdims", 0L),
        Attribute.of("select_last_index", 1L)), x).longs()).containsExactly(1, 2);
  }

  @Test
  void argMaxEmptyAxis() {
    assertThatThrownBy(() -> run1("ArgMax", 13, attrs(), Tensor.wrap(DType.FLOAT, Shape.of(0, 2), new float[0])))
        .hasMessageContaining("is empty");
  }
}
