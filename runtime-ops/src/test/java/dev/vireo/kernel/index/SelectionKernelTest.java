package dev.vireo.kernel.index;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** OneHot, Trilu, EyeLike and Compress. */
class SelectionKernelTest {
  @Test
  void oneHotDefaultAxis() {
    Tensor y = run1("OneHot", 11, attrs(), Tensor.of(new long[] {0, 2, -1, 5}, 4), Tensor.scalar(3f),
        Tensor.of(new float[] {0, 1}, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(4, 3));
    assertThat(y.floats()).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0);
  }

  @Test
  void oneHotAxis0WithValues() {
    Tensor y = run1("OneHot", 9, attrs(Attribute.of("axis", 0L)), Tensor.of(new int[] {1, 0}, 2),
        Tensor.scalar(2L), Tensor.of(new long[] {-1, 7}, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.longs()).containsExactly(-1, 7, 7, -1);
  }

  @Test
  void oneHotErrors() {
    assertThatThrownBy(() -> run1("OneHot", 11, attrs(), Tensor.of(new long[] {0}, 1), Tensor.scalar(0L),
        Tensor.of(new float[] {0, 1}, 2))).hasMessageContaining("depth must be positive");
    assertThatThrownBy(() -> run1("OneHot", 11, attrs(), Tensor.of(new long[] {0}, 1), Tensor.scalar(2L),
        Tensor.of(new float[] {0, 1, 2}, 3))).hasMessageContaining("two");
  }

  @Test
  void triluUpperLowerWithK() {
    Tensor x = Tensor.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
    assertThat(run1("Trilu", 14, attrs(), x).ints()).containsExactly(1, 2, 3, 0, 5, 6, 0, 0, 9);
    assertThat(run1("Trilu", 14, attrs(Attribute.of("upper", 0L)), x).ints()).containsExactly(1, 0, 0, 4, 5, 0, 7, 8, 9);
    assertThat(run1("Trilu", 14, attrs(), x, Tensor.scalar(1L)).ints()).containsExactly(0, 2, 3, 0, 0, 6, 0, 0, 0);
    assertThat(run1("Trilu", 14, attrs(Attribute.of("upper", 0L)), x, Tensor.scalar(-1L)).ints())
        .containsExactly(0, 0, 0, 4, 0, 0, 7, 8, 0);
  }

  @Test
  void triluBatchedStrings() {
    Tensor x = Tensor.of(new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}, 2, 2, 2);
    assertThat(run1("Trilu", 14, attrs(), x).strings()).containsExactly("a", "b", "", "d", "e", "f", "", "h");
    assertThatThrownBy(() -> run1("Trilu", 14, attrs(), Tensor.of(new int[] {1}, 1))).hasMessageContaining("rank >= 2");
  }

  @Test
  void eyeLike() {
    Tensor y = run1("EyeLike", 9, attrs(Attribute.of("k", 1L)), Tensor.of(new int[6], 2, 3));
    assertThat(y.dtype()).isEqualTo(DType.INT32);
    assertThat(y.ints()).containsExactly(0, 1, 0, 0, 0, 1);
    Tensor d = run1("EyeLike", 9, attrs(Attribute.of("dtype", (long) DType.DOUBLE.onnxCode()), Attribute.of("k", -1L)),
        Tensor.of(new float[9], 3, 3));
    assertThat(d.doubles()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
    Tensor b = run1("EyeLike", 9, attrs(Attribute.of("dtype", (long) DType.BOOL.onnxCode())), Tensor.of(new float[4], 2, 2));
    assertThat(b.booleans()).containsExactly(true, false, false, true);
  }

  @Test
  void compressWithAndWithoutAxis() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Tensor c0 = run1("Compress", 11, attrs(Attribute.of("axis", 0L)), x, Tensor.of(new boolean[] {false, true, true}, 3));
    assertThat(c0.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(c0.floats()).containsExactly(3, 4, 5, 6);
    Tensor c1 = run1("Compress", 11, attrs(Attribute.of("axis", -1L)), x, Tensor.of(new boolean[] {false, true}, 2));
    assertThat(c1.floats()).containsExactly(2, 4, 6);
    Tensor flat = run1("Compress", 9, attrs(), x, Tensor.of(new boolean[] {false, true, false, false, true}, 5));
    assertThat(flat.shape()).isEqualTo(Shape.of(2));
    assertThat(flat.floats()).containsExactly(2, 5);
  }

  @Test
  void compressConditionBeyondAxis() {
    Tensor x = Tensor.of(new float[] {1, 2}, 2);
    assertThatThrownBy(() -> run1("Compress", 11, attrs(Attribute.of("axis", 0L)), x,
        Tensor.of(new boolean[] {false, false, true}, 3))).hasMessageContaining("selects index 2");
  }
}
