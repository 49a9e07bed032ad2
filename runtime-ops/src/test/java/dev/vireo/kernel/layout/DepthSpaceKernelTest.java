package dev.vireo.kernel.layout;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DepthSpaceKernelTest {
  // the spec's example: x = arange(24).reshape(1, 8, 1, 3), blocksize 2
  private static Tensor depth() {
    float[] v = new float[24];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(v, 1, 8, 1, 3);
  }

  @Test
  void depthToSpaceDcr() {
    Tensor y = run1("DepthToSpace", 11, attrs(Attribute.of("blocksize", 2L)), depth());
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 2, 6));
    assertThat(y.floats()).containsExactly(
        0, 6, 1, 7, 2, 8, 12, 18, 13, 19, 14, 20,
        3, 9, 4, 10, 5, 11, 15, 21, 16, 22, 17, 23);
  }

  @Test
  void depthToSpaceCrd() {
    Tensor y = run1("DepthToSpace", 13, attrs(Attribute.of("blocksize", 2L), Attribute.of("mode", "CRD")), depth());
    assertThat(y.floats()).containsExactly(
        0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11,
        12, 15, 13, 16, 14, 17, 18, 21, 19, 22, 20, 23);
  }

  @Test
  void spaceToDepthInvertsDcr() {
    Tensor space = run1("DepthToSpace", 1, attrs(Attribute.of("blocksize", 2L)), depth());
    Tensor back = run1("SpaceToDepth", 13, attrs(Attribute.of("blocksize", 2L)), space);
    assertThat(back.shape()).isEqualTo(Shape.of(1, 8, 1, 3));
    assertThat(back.floats()).containsExactly(depth().floats());
  }

  @Test
  void spaceToDepthValues() {
    // 1x1x2x2 -> 1x4x1x1: the four pixels become channels in row-major block order
    Tensor y = run1("SpaceToDepth", 13, attrs(Attribute.of("blocksize", 2L)),
        Tensor.of(new long[] {1, 2, 3, 4}, 1, 1, 2, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 1, 1));
    assertThat(y.longs()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> run1("DepthToSpace", 13, attrs(Attribute.of("blocksize", 3L)), depth()))
        .hasMessageContaining("does not divide by blocksize 3");
    assertThatThrownBy(() -> run1("SpaceToDepth", 13, attrs(Attribute.of("blocksize", 2L)),
        Tensor.of(new float[] {1, 2}, 2))).hasMessageContaining("4-D");
    assertThatThrownBy(() -> run1("SpaceToDepth", 13, attrs(), depth())).hasMessageContaining("positive blocksize");
  }
}
