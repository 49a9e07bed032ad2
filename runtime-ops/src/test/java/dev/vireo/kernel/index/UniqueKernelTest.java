package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Unique, with the spec's examples. */
class UniqueKernelTest {
  private static final Tensor X = Tensor.of(new float[] {2, 1, 1, 3, 4, 3}, 6);

  @Test
  void unsorted() {
    Tensor[] y = run("Unique", 11, 4, attrs(Attribute.of("sorted", 0L)), X);
    assertThat(y[0].floats()).containsExactly(2, 1, 3, 4);
    assertThat(y[1].longs()).containsExactly(0, 1, 3, 4);
    assertThat(y[2].longs()).containsExactly(0, 1, 1, 2, 3, 2);
    assertThat(y[3].longs()).containsExactly(1, 2, 2, 1);
  }

  @Test
  void sorted() {
    Tensor[] y = run("Unique", 11, 4, attrs(), X);
    assertThat(y[0].floats()).containsExactly(1, 2, 3, 4);
    assertThat(y[1].longs()).containsExactly(1, 0, 3, 4);
    assertThat(y[2].longs()).containsExactly(1, 0, 0, 2, 3, 2);
    assertThat(y[3].longs()).containsExactly(2, 1, 2, 1);
  }

  @Test
  void sortedAlongAxis0() {
    Tensor x = Tensor.of(new long[] {1, 0, 0, 1, 0, 0, 2, 3, 4}, 3, 3);
    Tensor[] y = run("Unique", 11, 4, attrs(Attribute.of("axis", 0L)), x);
    assertThat(y[0].shape()).isEqualTo(Shape.of(2, 3));
    assertThat(y[0].longs()).containsExactly(1, 0, 0, 2, 3, 4);
    assertThat(y[1].longs()).containsExactly(0, 2);
    assertThat(y[2].longs()).containsExactly(0, 0, 1);
    assertThat(y[3].longs()).containsExactly(2, 1);
  }

  @Test
  void sortedAlongNegativeAxis() {
    // columns [1,1], [0,0], [0,0], [1,1] -> unique columns [0,0], [1,1]
    Tensor x = Tensor.of(new int[] {1, 0, 0, 1, 1, 0, 0, 1}, 2, 4);
    Tensor[] y = run("Unique", 11, 4, attrs(Attribute.of("axis", -1L)), x);
    assertThat(y[0].shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y[0].ints()).containsExactly(0, 1, 0, 1);
    assertThat(y[1].longs()).containsExactly(1, 0);
    assertThat(y[2].longs()).containsExactly(1, 0, 0, 1);
    assertThat(y[3].longs()).containsExactly(2, 2);
  }

  @Test
  void stringsAndEmpty() {
    Tensor[] y = run("Unique", 11, 4, attrs(), Tensor.of(new String[] {"b", "a", "b"}, 3));
    assertThat(y[0].strings()).containsExactly("a", "b");
    Tensor[] e = run("Unique", 11, 4, attrs(), Tensor.of(new float[0], 0));
    assertThat(e[0].shape()).isEqualTo(Shape.of(0));
    assertThat(e[3].shape()).isEqualTo(Shape.of(0));
  }
}
