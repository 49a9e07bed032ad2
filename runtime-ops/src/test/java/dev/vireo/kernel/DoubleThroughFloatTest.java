package dev.vireo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float kernels that serve float64 through {@link HalfFloats}: each registered op, run on
 * the same small input as f32 and as f64, gives f64 outputs equal to its f32 outputs: the inputs
 * are f32-representable and the f64 path computes in float32, so the results are identical.
 */
class DoubleThroughFloatTest {
  /** f32 and f64 results are the same float32 computation; only output widening differs. */
  private static final double EXACT = 0.0;

  static Stream<Arguments> cases() {
    return Stream.of(
        c("Conv", 11, h -> h.ints("pads", 1, 1, 1, 1), new int[] {1, 2, 5, 5}, new int[] {3, 2, 3, 3},
            new int[] {3}),
        c("ConvTranspose", 11, h -> h.ints("strides", 2, 2), new int[] {1, 2, 3, 3},
            new int[] {2, 3, 3, 3}),
        c("MaxPool", 12, h -> h.ints("kernel_shape", 2, 2), new int[] {1, 2, 4, 4}),
        c("AveragePool", 19, h -> h.ints("kernel_shape", 3, 3).ints("pads", 1, 1, 1, 1),
            new int[] {1, 2, 4, 4}),
        c("LpPool", 18, h -> h.ints("kernel_shape", 2, 2).attr("p", 3L), new int[] {1, 2, 4, 4}),
        c("GlobalAveragePool", 1, h -> h, new int[] {2, 3, 4, 4}),
        c("GlobalMaxPool", 1, h -> h, new int[] {2, 3, 4, 4}),
        c("GlobalLpPool", 2, h -> h, new int[] {2, 3, 4, 4}),
        c("LayerNormalization", 17, h -> h, new int[] {2, 3, 6}, new int[] {6}, new int[] {6}),
        c("LeakyRelu", 16, h -> h.attr("alpha", 0.2f), new int[] {3, 7}),
        c("Attention", 23, h -> h, new int[] {1, 2, 3, 4}, new int[] {1, 2, 5, 4},
            new int[] {1, 2, 5, 4}));
  }

  private static Arguments c(String op, int opset, UnaryOperator<KernelHarness> attrs, int[]... shapes) {
    return Arguments.of(op, opset, attrs, List.of(shapes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void f64MatchesF32(String op, int opset, UnaryOperator<KernelHarness> attrs, List<int[]> shapes) {
    Random r = new Random(op.hashCode());
    Tensor[] f32 = new Tensor[shapes.size()];
    Tensor[] f64 = new Tensor[shapes.size()];
    for (int i = 0; i < f32.length; i++) {
      f32[i] = Tensors.random(r, shapes.get(i));
      f64[i] = toDouble(f32[i]);
    }
    Tensor want = attrs.apply(KernelHarness.op(op, opset)).run1(f32);
    Tensor got = attrs.apply(KernelHarness.op(op, opset)).run1(f64);
    assertThat(got.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(got.shape()).isEqualTo(want.shape());
    assertThat(want.size()).isPositive();
    double[] g = got.doubles();
    float[] w = want.floats();
    for (int i = 0; i < w.length; i++) {
      assertThat(Math.abs(g[i] - w[i])).as("%s element %d", op, i).isLessThanOrEqualTo(EXACT);
    }
  }

  @ParameterizedTest(name = "BatchNormalization opset {0}")
  @MethodSource("bnOpsets")
  void batchNormF64MatchesF32(int opset) {
    Random r = new Random(opset);
    Tensor x = Tensors.random(r, 2, 3, 2, 2);
    Tensor scale = Tensors.random(r, 3);
    Tensor bias = Tensors.random(r, 3);
    Tensor mean = Tensors.random(r, 3);
    float[] v = Tensors.randomFloats(r, 3);
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.abs(v[i]) + 0.5f;
    }
    Tensor var = Tensor.of(v, 3);
    Tensor want = KernelHarness.op("BatchNormalization", opset).run1(x, scale, bias, mean, var);
    Tensor got = KernelHarness.op("BatchNormalization", opset)
        .run1(toDouble(x), toDouble(scale), toDouble(bias), toDouble(mean), toDouble(var));
    assertThat(got.dtype()).isEqualTo(DType.DOUBLE);
    double[] g = got.doubles();
    float[] w = want.floats();
    for (int i = 0; i < w.length; i++) {
      assertThat(g[i]).isEqualTo((double) w[i]);
    }
  }

  static Stream<Integer> bnOpsets() {
    return Stream.of(9, 15);
  }

  private static Tensor toDouble(Tensor f) {
    float[] s = f.floats();
    double[] d = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      d[i] = s[i];
    }
    return Tensor.of(d, Arrays.copyOf(f.shape().dims(), f.rank()));
  }
}
