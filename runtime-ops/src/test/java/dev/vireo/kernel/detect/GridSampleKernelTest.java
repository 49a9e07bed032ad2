package dev.vireo.kernel.detect;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GridSampleKernelTest {
  private static final float CLOSE = 1e-5f;
  /** A 2x3 image: row 0 = 0 1 2, row 1 = 3 4 5. */
  private static final Tensor X = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3);

  /** Samples X at one normalized (gx, gy) per point. */
  private static float[] sample(int opset, float[] xy, Attribute... attrs) {
    Tensor grid = Tensor.of(xy, 1, 1, xy.length / 2, 2);
    Tensor y = run(node("GridSample", opset, 2, 1, attrs), X, grid)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, xy.length / 2));
    return y.floats();
  }

  @Test
  void bilinearWithAndWithoutAlignCorners() {
    // align_corners=1: -1 and 1 are the corner pixel centers
    assertThat(sample(16, new float[] {-1, -1, 1, 1, 0, 0}, Attribute.of("align_corners", 1L)))
        .containsExactly(new float[] {0, 5, 2.5f}, within(CLOSE));
    // align_corners=0: x = ((g+1)·3-1)/2, y = ((g+1)·2-1)/2; g=(0,0) is the image center (1, 0.5)
    assertThat(sample(16, new float[] {0, 0}, Attribute.of("mode", "bilinear"))).containsExactly(2.5f);
    // g=(-1,-1) lies at (-0.5,-0.5): a quarter of pixel (0,0), the rest zeros
    assertThat(sample(20, new float[] {-1, -1})).containsExactly(0f);
    assertThat(sample(20, new float[] {1, 1}, Attribute.of("mode", "linear"))).containsExactly(5 * 0.25f);
  }

  @Test
  void nearestRoundsHalfToEven() {
    // align_corners=1, gx = -0.5 gives x = 0.5 (rounds to 0), gx = 0.5 gives x = 1.5 (rounds to 2)
    float[] y = sample(20, new float[] {-0.5f, -1, 0.5f, -1}, Attribute.of("mode", "nearest"),
        Attribute.of("align_corners", 1L));
    assertThat(y).containsExactly(0, 2);
  }

  @Test
  void borderAndReflectionPadding() {
    Attribute ac = Attribute.of("align_corners", 1L);
    // x = 3 (gx = 2): border clamps to 2; reflection about [0, 2] gives 1
    assertThat(sample(20, new float[] {2, -1}, ac, Attribute.of("padding_mode", "border"))).containsExactly(2f);
    assertThat(sample(20, new float[] {2, -1}, ac, Attribute.of("padding_mode", "reflection"))).containsExactly(1f);
    assertThat(sample(20, new float[] {2, -1}, ac)).containsExactly(0f);
  }

  @Test
  void cubicReproducesALinearRampInside() {
    Tensor ramp = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 1, 1, 1, 8);
    Tensor grid = Tensor.of(new float[] {0, 0}, 1, 1, 1, 2);
    // x = 3.5 with align_corners=0; Keys' cubic reproduces linear data
    Tensor y = run(node("GridSample", 20, 2, 1, Attribute.of("mode", "cubic")), ramp, grid)[0];
    assertThat(y.floats()[0]).isCloseTo(3.5f, within(CLOSE));
  }

  @Test
  void volumetricTrilinearFromOpset20() {
    Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 1, 1, 2, 2, 2);
    Tensor grid = Tensor.of(new float[] {0, 0, 0, 1, -1, -1}, 1, 1, 1, 2, 3);
    Tensor y = run(node("GridSample", 20, 2, 1, Attribute.of("align_corners", 1L)), x, grid)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, 1, 2));
    // (x=1, y=-1, z=-1) is voxel (d=0, h=0, w=1)
    assertThat(y.floats()).containsExactly(new float[] {3.5f, 1}, within(CLOSE));
  }

  @Test
  void opset16RejectsVolumesAndOpset20Names() {
    Tensor x = Tensor.of(new float[8], 1, 1, 2, 2, 2);
    Tensor grid = Tensor.of(new float[3], 1, 1, 1, 1, 3);
    assertThatThrownBy(() -> run(node("GridSample", 16, 2, 1), x, grid)).hasMessageContaining("with r = 2");
    assertThatThrownBy(() -> sample(16, new float[] {0, 0}, Attribute.of("mode", "linear")))
        .hasMessageContaining("spelled 'bilinear'");
  }
}
