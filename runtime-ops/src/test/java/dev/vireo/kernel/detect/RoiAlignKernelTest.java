package dev.vireo.kernel.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RoiAlignKernelTest {
  private static final float CLOSE = 1e-6f;
  /** Two images of 2x2: image 0 = [[0, 1], [2, 3]], image 1 = that + 10. */
  private static final Tensor X = Tensor.of(new float[] {0, 1, 2, 3, 10, 11, 12, 13}, 2, 1, 2, 2);

  private static Tensor rois(float... boxes) {
    return Tensor.of(boxes, boxes.length / 4, 4);
  }

  @Test
  void opset10SamplesBilinearlyWithoutShift() {
    // box [0,0]-[1,1], one bin, one sample at its center (0.5, 0.5): the mean of the four pixels
    Tensor y = KernelHarness.op("RoiAlign", 10).attr("sampling_ratio", 1L)
        .run1(X, rois(0, 0, 1, 1, 0, 0, 1, 1), Tensor.of(new long[] {0, 1}, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 1, 1));
    assertThat(y.floats()).containsExactly(new float[] {1.5f, 11.5f}, within(CLOSE));
  }

  @Test
  void adaptiveSamplingAndSpatialScale() {
    // box [0,0]-[2,2] scaled by 0.5 is [0,0]-[1,1]: ceil(1/1) = 1 sample per axis, as above
    Tensor y = KernelHarness.op("RoiAlign", 10).attr("spatial_scale", 0.5f)
        .run1(X, rois(0, 0, 2, 2), Tensor.of(new long[] {0}, 1));
    assertThat(y.floats()).containsExactly(new float[] {1.5f}, within(CLOSE));
  }

  @Test
  void halfPixelShiftsByHalfAndMaxTakesLargestWeightedCorner() {
    // half_pixel: box [0,0]-[2,2] becomes [-0.5,-0.5]-[1.5,1.5]; 2x2 samples land on pixel centers
    Tensor r = rois(0, 0, 2, 2);
    Tensor b = Tensor.of(new long[] {0}, 1);
    assertThat(KernelHarness.op("RoiAlign", 16).attr("sampling_ratio", 2L).run1(X, r, b).floats())
        .containsExactly(new float[] {1.5f}, within(CLOSE));
    assertThat(KernelHarness.op("RoiAlign", 16).attr("sampling_ratio", 2L).attr("mode", "max")
        .run1(X, r, b).floats()).containsExactly(new float[] {3f}, within(CLOSE));
    // one sample at (0.5, 0.5): the corner products are 0.25·{0,1,2,3}, the largest 0.75
    assertThat(KernelHarness.op("RoiAlign", 10).attr("sampling_ratio", 1L).attr("mode", "max")
        .run1(X, rois(0, 0, 1, 1), b).floats()).containsExactly(new float[] {0.75f}, within(CLOSE));
  }

  @Test
  void outputBinsAndOutsideSamples() {
    // output_half_pixel, box [0,0]-[2,2] in 2x2 bins of one sample each: centers 0.5 and 1.5;
    // 1.5 lies past the last pixel and is clamped to it
    Tensor y = KernelHarness.op("RoiAlign", 16).attr("coordinate_transformation_mode", "output_half_pixel")
        .attr("output_height", 2L).attr("output_width", 2L).attr("sampling_ratio", 1L)
        .run1(X, rois(0, 0, 2, 2, 5, 5, 6, 6), Tensor.of(new long[] {0, 0}, 2));
    assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2, 2));
    // box 2 samples at 5.5, more than a pixel outside the 2x2 map: zeros
    assertThat(y.floats()).containsExactly(new float[] {1.5f, 2, 2.5f, 3, 0, 0, 0, 0}, within(CLOSE));
  }

  @Test
  void doubleInput() {
    Tensor xd = Tensor.of(new double[] {0, 1, 2, 3}, 1, 1, 2, 2);
    Tensor y = KernelHarness.op("RoiAlign", 22).attr("coordinate_transformation_mode", "output_half_pixel")
        .attr("sampling_ratio", 1L)
        .run1(xd, Tensor.of(new double[] {0, 0, 1, 1}, 1, 4), Tensor.of(new long[] {0}, 1));
    assertThat(y.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(y.doubles()).containsExactly(1.5);
  }

  @Test
  void rejectsBadModeAndBatchIndex() {
    Tensor b = Tensor.of(new long[] {2}, 1);
    assertThatThrownBy(() -> KernelHarness.op("RoiAlign", 16).attr("mode", "sum").kernel(X, rois(0, 0, 1, 1), b))
        .hasMessageContaining("unknown mode 'sum'");
    assertThatThrownBy(() -> KernelHarness.op("RoiAlign", 16).run1(X, rois(0, 0, 1, 1), b))
        .hasMessageContaining("batch_indices[0] = 2");
  }
}
