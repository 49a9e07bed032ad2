package dev.vireo.kernel.resize;

import static dev.vireo.kernel.KernelRuns.attrs;
import static dev.vireo.kernel.KernelRuns.run1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Resize and Upsample; expected values computed by hand or, for cubic, those of the ONNX backend
 * case test_resize_downsample_scales_cubic (same input and scales).
 */
class ResizeKernelTest {
  private static final float CLOSE = 1e-5f;
  private static final Tensor X22 = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
  private static final Tensor X24 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 2, 4);

  private static Tensor scales(float... s) {
    return Tensor.of(s, s.length);
  }

  private static Tensor sizes(long... s) {
    return Tensor.of(s, s.length);
  }

  private static Tensor x44() {
    float[] v = new float[16];
    for (int i = 0; i < 16; i++) {
      v[i] = i + 1;
    }
    return Tensor.of(v, 1, 1, 4, 4);
  }

  @Test
  void nearestUpsampleScales() {
    Tensor y = run1("Resize", 13, attrs(), X22, null, scales(1, 1, 2, 3));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 4, 6));
    assertThat(y.floats()).containsExactly(
        1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4);
  }

  @Test
  void linearDownsampleHalfPixel() {
    Tensor y = run1("Resize", 13, attrs(Attribute.of("mode", "linear")), X24, null, scales(1, 1, 0.6f, 0.6f));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, 2));
    assertThat(y.floats()).containsExactly(new float[] {2.6666665f, 4.3333331f}, within(CLOSE));
  }

  @Test
  void linearAlignCornersUsesFractionalWidth() {
    Tensor y = run1("Resize", 13, attrs(Attribute.of("mode", "linear"),
        Attribute.of("coordinate_transformation_mode", "align_corners")), X24, null, scales(1, 1, 0.6f, 0.6f));
    assertThat(y.floats()).containsExactly(new float[] {1, 3.142857f}, within(CLOSE));
  }

  @Test
  void linearUpsampleSizes() {
    Tensor y = run1("Resize", 11, attrs(Attribute.of("mode", "linear")), X22, Tensor.of(new float[0], 0),
        Tensor.of(new float[0], 0), sizes(1, 1, 4, 4));
    assertThat(y.floats()).containsExactly(new float[] {
        1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4}, within(CLOSE));
  }

  @Test
  void cubicDownsample() {
    Tensor y = run1("Resize", 13, attrs(Attribute.of("mode", "cubic")), x44(), null, scales(1, 1, 0.8f, 0.8f));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 3, 3));
    assertThat(y.floats()).containsExactly(new float[] {
        1.47119141f, 2.78125f, 4.08251953f, 6.71142578f, 8.02148438f, 9.322754f,
        11.91650391f, 13.2265625f, 14.527832f}, within(1e-4f));
  }

  @Test
  void opset10NearestRoundsUpWhenDownsampling() {
    Tensor y = run1("Resize", 10, attrs(), X24, scales(1, 1, 0.6f, 0.6f));
    assertThat(y.floats()).containsExactly(1, 3);
  }

  @Test
  void upsampleAttributeAndInputScales() {
    Tensor a = run1("Upsample", 7, attrs(Attribute.floats("scales", 1, 1, 2, 2)), X22);
    assertThat(a.shape()).isEqualTo(Shape.of(1, 1, 4, 4));
    assertThat(a.floats()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
    Tensor l = run1("Upsample", 9, attrs(Attribute.of("mode", "linear")), Tensor.of(new float[] {1, 3}, 2),
        scales(2));
    assertThat(l.floats()).containsExactly(1, 2, 3, 3);
  }

  @Test
  void tfCropAndResizeExtrapolates() {
    Tensor y = run1("Resize", 13, attrs(Attribute.of("mode", "linear"),
        Attribute.of("coordinate_transformation_mode", "tf_crop_and_resize"),
        Attribute.of("extrapolation_value", 10f)),
        Tensor.of(new float[] {1, 2, 3, 4}, 4), Tensor.of(new float[] {0.5f, 1.5f}, 2), null, sizes(3));
    assertThat(y.floats()).containsExactly(new float[] {2.5f, 4, 10}, within(CLOSE));
  }

  @Test
  void antialiasWidensLinearFilter() {
    Tensor y = run1("Resize", 18, attrs(Attribute.of("mode", "linear"), Attribute.of("antialias", 1L)),
        Tensor.of(new float[] {1, 2, 3, 4}, 4), null, scales(0.5f));
    assertThat(y.floats()).containsExactly(new float[] {1.625f, 3.375f}, within(CLOSE));
  }

  @Test
  void axesAndAspectRatioPolicy() {
    Tensor y = run1("Resize", 18, attrs(Attribute.ints("axes", -1)), X22, null, scales(2));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 4));
    assertThat(y.floats()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
    Tensor n = run1("Resize", 18, attrs(Attribute.ints("axes", 2, 3),
        Attribute.of("keep_aspect_ratio_policy", "not_larger")), X22, null, null, sizes(7, 8));
    assertThat(n.shape()).isEqualTo(Shape.of(1, 1, 7, 7));
    Tensor s = run1("Resize", 18, attrs(Attribute.ints("axes", 2, 3),
        Attribute.of("keep_aspect_ratio_policy", "not_smaller")), X22, null, null, sizes(7, 8));
    assertThat(s.shape()).isEqualTo(Shape.of(1, 1, 8, 8));
  }

  @Test
  void integerLinearRoundsAndNearestMovesStrings() {
    Tensor y = run1("Resize", 13, attrs(Attribute.of("mode", "linear")), Tensor.of(new int[] {0, 3}, 2), null,
        scales(2));
    assertThat(y.ints()).containsExactly(0, 1, 2, 3);
    Tensor s = run1("Resize", 13, attrs(), Tensor.of(new String[] {"a", "b"}, 2), null, scales(2));
    assertThat(s.strings()).containsExactly("a", "a", "b", "b");
  }

  @Test
  void nearestModes() {
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);
    // asymmetric x_ori = y * 3/4: 0, 0.75, 1.5, 2.25
    Attribute asym = Attribute.of("coordinate_transformation_mode", "asymmetric");
    assertThat(run1("Resize", 13, attrs(asym), x, null, null, sizes(4)).floats()).containsExactly(1, 2, 2, 3);
    assertThat(run1("Resize", 13, attrs(asym, Attribute.of("nearest_mode", "round_prefer_ceil")), x, null, null,
        sizes(4)).floats()).containsExactly(1, 2, 3, 3);
    assertThat(run1("Resize", 13, attrs(asym, Attribute.of("nearest_mode", "floor")), x, null, null,
        sizes(4)).floats()).containsExactly(1, 1, 2, 3);
    assertThat(run1("Resize", 13, attrs(asym, Attribute.of("nearest_mode", "ceil")), x, null, null,
        sizes(4)).floats()).containsExactly(1, 2, 3, 3);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> run1("Resize", 13, attrs(), X22, null, scales(1, 1, 2, 2), sizes(1, 1, 4, 4)))
        .hasMessageContaining("exactly one of scales and sizes");
    assertThatThrownBy(() -> run1("Resize", 13, attrs(), X22, null, scales(2, 2)))
        .hasMessageContaining("one value per axis");
    assertThatThrownBy(() -> run1("Resize", 13, attrs(Attribute.of("mode", "area")), X22, null, scales(1, 1, 2, 2)))
        .hasMessageContaining("unknown mode 'area'");
    assertThatThrownBy(() -> run1("Resize", 10, attrs(Attribute.of("mode", "cubic")), X22, scales(1, 1, 2, 2)))
        .hasMessageContaining("opset 11");
    assertThatThrownBy(() -> run1("Resize", 13, attrs(), X22, null, scales(1, 1, 0, 2)))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> run1("Resize", 13, attrs(Attribute.of("mode", "linear")),
        Tensor.of(new boolean[] {true}, 1), null, scales(2))).hasMessageContaining("bool");
  }

  @Test
  void halfFloatRoundTrip() {
    short[] h = {dev.vireo.tensor.Float16.floatToHalf(1), dev.vireo.tensor.Float16.floatToHalf(3)};
    Tensor y = run1("Resize", 19, attrs(Attribute.of("mode", "linear"),
        Attribute.of("coordinate_transformation_mode", "asymmetric")),
        Tensor.wrap(DType.FLOAT16, Shape.of(2), h), null, scales(2));
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(y.getDouble(1)).isEqualTo(2.0);
  }

  @Test
  void threadedPassesMatchSingleThreaded() {
    float[] v = new float[8 * 64 * 64];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7919 % 1000) / 10f;
    }
    Tensor x = Tensor.of(v, 1, 8, 64, 64);
    Tensor s = scales(1, 1, 2, 1.5f);
    var kernel = dev.vireo.kernel.KernelHarness.op("Resize", 19).attr("mode", "cubic").kernel(x, null, s);
    Tensor one = kernel.run(new Tensor[] {x, null, s}, dev.vireo.exec.ExecContext.singleThreaded())[0];
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
    try {
      Tensor two = kernel.run(new Tensor[] {x, null, s}, new dev.vireo.exec.ExecContext(2, pool))[0];
      assertThat(two.shape()).isEqualTo(Shape.of(1, 8, 128, 96));
      assertThat(two.floats()).containsExactly(one.floats());
    } finally {
      pool.shutdown();
    }
  }
}
