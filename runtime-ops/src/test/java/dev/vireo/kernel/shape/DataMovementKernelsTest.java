package dev.vireo.kernel.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transpose, Concat, Gather, Shape and Constant. */
class DataMovementKernelsTest {
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

  @Test
  void transposeDefaultReversesDims() {
    Tensor y = KernelHarness.op("Transpose", 13).run1(X);
    assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(y.floats()).containsExactly(1, 4, 2, 5, 3, 6);
  }

  @Test
  void transposeWithPermMatchesIndexing() {
    int[] d = {2, 3, 4};
    long[] v = new long[24];
    for (int i = 0; i < 24; i++) {
      v[i] = i;
    }
    Tensor x = Tensor.of(v, d);
    Tensor y = KernelHarness.op("Transpose", 13).ints("perm", 1, 2, 0).run1(x);
    assertThat(y.shape()).isEqualTo(Shape.of(3, 4, 2));
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 4; b++) {
        for (int c = 0; c < 2; c++) {
          // y[a,b,c] = x[c,a,b]
          assertThat(y.longs()[(a * 4 + b) * 2 + c]).isEqualTo(v[(c * 3 + a) * 4 + b]);
        }
      }
    }
    assertThatThrownBy(() -> KernelHarness.op("Transpose", 13).ints("perm", 0, 0, 1).run1(x))
        .hasMessageContaining("perm [0, 0, 1] is not a permutation of the 3 dims of i64[2,3,4]");
  }

  @Test
  void transposeOfStringsAndEmpty() {
    Tensor s = Tensor.of(new String[] {"a", "b", "c", "d"}, 2, 2);
    assertThat(KernelHarness.op("Transpose", 13).run1(s).strings()).containsExactly("a", "c", "b", "d");
    assertThat(KernelHarness.op("Transpose", 13).run1(Tensor.of(new float[0], 0, 2)).shape())
        .isEqualTo(Shape.of(2, 0));
  }

  @Test
  void concatAlongAxes() {
    Tensor b = Tensor.of(new float[] {7, 8}, 2, 1);
    Tensor y = KernelHarness.op("Concat", 13).attr("axis", -1L).run1(X, b);
    assertThat(y.shape()).isEqualTo(Shape.of(2, 4));
    assertThat(y.floats()).containsExactly(1, 2, 3, 7, 4, 5, 6, 8);
    Tensor z = KernelHarness.op("Concat", 13).attr("axis", 0L)
        .run1(X, Tensor.of(new float[0], 0, 3), Tensor.of(new float[] {9, 9, 9}, 1, 3));
    assertThat(z.shape()).isEqualTo(Shape.of(3, 3));
    assertThat(z.floats()).containsExactly(1, 2, 3, 4, 5, 6, 9, 9, 9);
    assertThatThrownBy(() -> KernelHarness.op("Concat", 13).attr("axis", 0L).run1(X, b))
        .hasMessage("Concat on axis 0: f32[2,3] and f32[2,1] differ in dim 1");
  }

  @Test
  void gatherWithNegativeIndicesAndAxis() {
    Tensor idx = Tensor.of(new long[] {-1, 0}, 2);
    Tensor rows = KernelHarness.op("Gather", 13).run1(X, idx);
    assertThat(rows.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(rows.floats()).containsExactly(4, 5, 6, 1, 2, 3);
    Tensor cols = KernelHarness.op("Gather", 13).attr("axis", 1L)
        .run1(X, Tensor.of(new int[] {2, 0, 2, 1}, 2, 2));
    assertThat(cols.shape()).isEqualTo(Shape.of(2, 2, 2));
    assertThat(cols.floats()).containsExactly(3, 1, 3, 2, 6, 4, 6, 5);
    Tensor scalarIdx = KernelHarness.op("Gather", 13).run1(X, Tensor.scalar(1L));
    assertThat(scalarIdx.shape()).isEqualTo(Shape.of(3));
  }

  @Test
  void gatherOutOfRangeNamesTheIndex() {
    assertThatThrownBy(() -> KernelHarness.op("Gather", 13).run1(X, Tensor.of(new long[] {0, 2}, 2)))
        .hasMessage("Gather: index 2 (at 1) is out of range [-2, 1] for axis 0 of f32[2,3]");
  }

  @Test
  void shapeWithStartAndEndFromOpset15() {
    Tensor x = Tensor.of(new float[0], 2, 0, 4);
    assertThat(KernelHarness.op("Shape", 13).run1(x).longs()).containsExactly(2, 0, 4);
    assertThat(KernelHarness.op("Shape", 15).attr("start", -2L).run1(x).longs()).containsExactly(0, 4);
    assertThat(KernelHarness.op("Shape", 15).attr("start", 1L).attr("end", -1L).run1(x).longs())
        .containsExactly(0);
    assertThat(KernelHarness.op("Shape", 15).attr("start", 5L).run1(x).size()).isZero();
    assertThat(KernelHarness.op("Shape", 13).run1(Tensor.scalar(1f)).shape()).isEqualTo(Shape.of(0));
  }

  @Test
  void constantForms() {
    assertThat(KernelHarness.op("Constant", 13).attr(Attribute.of("value", X)).run1()).isSameAs(X);
    assertThat(KernelHarness.op("Constant", 13).attr("value_float", 2.5f).run1().floats())
        .containsExactly(2.5f);
    Tensor ints = KernelHarness.op("Constant", 13).ints("value_ints", 1, 2).run1();
    assertThat(ints.dtype()).isEqualTo(DType.INT64);
    assertThat(ints.shape()).isEqualTo(Shape.of(2));
    assertThat(KernelHarness.op("Constant", 13).attr("value_int", 7L).run1().shape()).isEqualTo(Shape.SCALAR);
    assertThat(KernelHarness.op("Constant", 13).attr(Attribute.strings("value_strings", List.of("x")))
        .run1().strings()).containsExactly("x");
    assertThatThrownBy(() -> KernelHarness.op("Constant", 13).kernel())
        .hasMessage("Constant needs exactly one value attribute, found 0");
  }
}
