package dev.vireo.kernel.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Reshape, Flatten, Squeeze, Unsqueeze, Identity and Dropout: views with new shapes. */
class ShapeKernelsTest {
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);

  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void reshapeCopiesZerosAndInfersMinusOne() {
    Tensor y = KernelHarness.op("Reshape", 13).run1(X, longs(0, -1));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 6));
    assertThat(y.data()).isSameAs(X.data());
    assertThat(KernelHarness.op("Reshape", 13).run1(X, longs(3, -1)).shape()).isEqualTo(Shape.of(3, 2));
    assertThat(KernelHarness.op("Reshape", 13).run1(Tensor.of(new float[] {7}, 1), longs()).shape())
        .isEqualTo(Shape.SCALAR);
  }

  @Test
  void reshapeAllowZeroFromOpset14() {
    Tensor empty = Tensor.of(new float[0], 0, 3);
    assertThat(KernelHarness.op("Reshape", 14).attr("allowzero", 1L).run1(empty, longs(3, 0)).shape())
        .isEqualTo(Shape.of(3, 0));
    // before 14 the attribute does not exist and 0 copies the input dim
    assertThat(KernelHarness.op("Reshape", 13).attr("allowzero", 1L).run1(empty, longs(0, 3)).shape())
        .isEqualTo(Shape.of(0, 3));
  }

  @Test
  void reshapeErrorsNameShapes() {
    assertThatThrownBy(() -> KernelHarness.op("Reshape", 13).run1(X, longs(4, -1)))
        .hasMessage("cannot reshape [1,2,3] to [4, -1]: 6 elements do not divide into dims of product 4");
    assertThatThrownBy(() -> KernelHarness.op("Reshape", 13).run1(X, longs(-1, -1)))
        .hasMessageContaining("more than one -1");
    assertThatThrownBy(() -> KernelHarness.op("Reshape", 13).run1(X, longs(5)))
        .hasMessage("cannot reshape [1,2,3] (6 elements) to [5] (5 elements)");
  }

  @Test
  void flattenWithPositiveNegativeAndEdgeAxes() {
    assertThat(KernelHarness.op("Flatten", 13).run1(X).shape()).isEqualTo(Shape.of(1, 6));
    assertThat(KernelHarness.op("Flatten", 13).attr("axis", -1L).run1(X).shape()).isEqualTo(Shape.of(2, 3));
    assertThat(KernelHarness.op("Flatten", 13).attr("axis", 0L).run1(X).shape()).isEqualTo(Shape.of(1, 6));
    assertThat(KernelHarness.op("Flatten", 13).attr("axis", 3L).run1(X).shape()).isEqualTo(Shape.of(6, 1));
    assertThatThrownBy(() -> KernelHarness.op("Flatten", 13).attr("axis", 4L).run1(X))
        .hasMessageContaining("axis 4 is out of range");
  }

  @Test
  void squeezeWithAttributeBefore13AndInputFrom13() {
    assertThat(KernelHarness.op("Squeeze", 11).ints("axes", 0).run1(X).shape()).isEqualTo(Shape.of(2, 3));
    assertThat(KernelHarness.op("Squeeze", 13).run1(X, longs(-3)).shape()).isEqualTo(Shape.of(2, 3));
    assertThat(KernelHarness.op("Squeeze", 13).run1(Tensor.of(new float[2], 1, 2, 1)).shape())
        .isEqualTo(Shape.of(2));
    assertThatThrownBy(() -> KernelHarness.op("Squeeze", 13).run1(X, longs(1)))
        .hasMessage("Squeeze: dim 1 of [1, 2, 3] is 2, not 1");
  }

  @Test
  void unsqueezeAxesIndexTheOutput() {
    assertThat(KernelHarness.op("Unsqueeze", 11).ints("axes", 0, 4).run1(X).shape())
        .isEqualTo(Shape.of(1, 1, 2, 3, 1));
    assertThat(KernelHarness.op("Unsqueeze", 13).run1(X, longs(-1, 1)).shape())
        .isEqualTo(Shape.of(1, 1, 2, 3, 1));
    assertThat(KernelHarness.op("Unsqueeze", 13).run1(Tensor.scalar(1f), longs(0)).shape())
        .isEqualTo(Shape.of(1));
    assertThatThrownBy(() -> KernelHarness.op("Unsqueeze", 13).run1(X, longs(5)))
        .hasMessageContaining("axis 5 is out of range for rank 4");
    assertThatThrownBy(() -> KernelHarness.op("Unsqueeze", 11).kernel(X))
        .hasMessageContaining("needs the axes attribute");
  }

  @Test
  void identityAndDropoutPassThrough() {
    assertThat(KernelHarness.op("Identity", 16).run1(X)).isSameAs(X);
    Tensor[] d = KernelHarness.op("Dropout", 13).outputs(2).run(X);
    assertThat(d[0]).isSameAs(X);
    assertThat(d[1].dtype()).isEqualTo(DType.BOOL);
    assertThat(d[1].booleans()).containsOnly(true);
    assertThatThrownBy(() -> KernelHarness.op("Dropout", 13).run1(X, Tensor.scalar(1f),
        Tensor.of(new boolean[] {true})))
        .hasMessageContaining("ratio must be in [0, 1)");
  }

  @Test
  void identityPassesSequences() {
    var seq = new dev.vireo.tensor.TensorSequence(DType.FLOAT, java.util.List.of(X));
    Object[] out = ((dev.vireo.kernel.ValueKernel) KernelHarness.op("Identity", 16).kernel(X))
        .runValues(new Object[] {seq}, dev.vireo.exec.ExecContext.singleThreaded());
    assertThat(out[0]).isSameAs(seq);
  }

  @Test
  void viewsWorkForStrings() {
    Tensor s = Tensor.of(new String[] {"a", "b"}, 2);
    assertThat(KernelHarness.op("Unsqueeze", 13).run1(s, longs(0)).strings()).containsExactly("a", "b");
  }
}
