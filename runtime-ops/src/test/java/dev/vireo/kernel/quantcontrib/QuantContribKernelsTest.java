package dev.vireo.kernel.quantcontrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The com.microsoft quantized kernels on hand-computed cases (rounding half to even, saturation). */
class QuantContribKernelsTest {
  private static KernelHarness op(String name) {
    return KernelHarness.op(name, 1).domain(QuantContribKernels.DOMAIN);
  }

  static Tensor q(DType t, Shape s, int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return Tensor.wrap(t, s, b);
  }

  static Tensor u8(int... v) {
    return q(DType.UINT8, Shape.of(v.length), v);
  }

  static Tensor i8(int... v) {
    return q(DType.INT8, Shape.of(v.length), v);
  }

  static Tensor f(float v) {
    return Tensor.scalar(v);
  }

  static int[] values(Tensor t) {
    int[] v = new int[t.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (int) t.getLong(i);
    }
    return v;
  }

  @Test
  void qlinearAddRoundsHalfToEvenAndBroadcasts() {
    // (a - 10)·0.5 + b·0.25, then + 5: a - 10 = [0, 10, 1, 3], b = 4 → [1, 6, 1.5, 2.5]
    Tensor y = op("QLinearAdd").run1(u8(10, 20, 11, 13), f(0.5f), q(DType.UINT8, Shape.SCALAR, 10),
        u8(4), f(0.25f), q(DType.UINT8, Shape.SCALAR, 0), f(1f), q(DType.UINT8, Shape.SCALAR, 5));
    assertThat(values(y)).containsExactly(6, 11, 7, 7);
  }

  @Test
  void qlinearMulSaturates() {
    // ratio 0.5·0.5/0.25 = 1: (a + 1)(b - 2) = [2·3, -3·50]
    Tensor y = op("QLinearMul").run1(i8(1, -4), f(0.5f), q(DType.INT8, Shape.SCALAR, -1),
        i8(5, 52), f(0.5f), q(DType.INT8, Shape.SCALAR, 2), f(0.25f), q(DType.INT8, Shape.SCALAR, 0));
    assertThat(values(y)).containsExactly(6, -128);
  }

  @Test
  void qlinearLeakyReluUsesAlpha() {
    Tensor y = KernelHarness.op("QLinearLeakyRelu", 1).domain(QuantContribKernels.DOMAIN)
        .attr(Attribute.of("alpha", 0.5f))
        .run1(i8(-3, 4, -1), f(1f), q(DType.INT8, Shape.SCALAR, 0), f(1f), q(DType.INT8, Shape.SCALAR, 0));
    assertThat(values(y)).containsExactly(-2, 4, 0);
  }

  @Test
  void qlinearGlobalAveragePoolAveragesEachChannel() {
    Tensor x = q(DType.UINT8, Shape.of(1, 2, 2, 2), 1, 2, 3, 5, 0, 0, 1, 0);
    Tensor y = op("QLinearGlobalAveragePool").run1(x, f(1f), q(DType.UINT8, Shape.SCALAR, 0), f(1f),
        q(DType.UINT8, Shape.SCALAR, 0));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 1, 1));
    assertThat(values(y)).containsExactly(3, 0);
  }

  @Test
  void qlinearAveragePoolDequantizesAveragesAndRoundsHalfToEven() {
    // x_scale 0.5, x_zp 10: {10,20,30,40} -> {0,5,10,15}; the 2x2 average 7.5 / y_scale 3 = 2.5 -> 2, + y_zp 4
    Tensor x = q(DType.UINT8, Shape.of(1, 1, 2, 2), 10, 20, 30, 40);
    Tensor y = op("QLinearAveragePool").attr(Attribute.ints("kernel_shape", 2, 2))
        .run1(x, f(0.5f), q(DType.UINT8, Shape.SCALAR, 10), f(3f), q(DType.UINT8, Shape.SCALAR, 4));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, 1));
    assertThat(values(y)).containsExactly(6);
    // with pads and count_include_pad=0 each corner window holds one value: 0, 5, 10, 15 -> /2.5 = 0, 2, 4, 6
    Tensor z = op("QLinearAveragePool").attr(Attribute.ints("kernel_shape", 2, 2))
        .attr(Attribute.ints("pads", 1, 1, 1, 1)).attr(Attribute.ints("strides", 2, 2))
        .run1(x, f(0.5f), q(DType.UINT8, Shape.SCALAR, 10), f(2.5f), q(DType.UINT8, Shape.SCALAR, 0));
    assertThat(z.shape()).isEqualTo(Shape.of(1, 1, 2, 2));
    assertThat(values(z)).containsExactly(0, 2, 4, 6);
  }

  @Test
  void qgemmAddsBiasThenScalesOrRequantizes() {
    Tensor a = q(DType.UINT8, Shape.of(1, 2), 3, 5);
    Tensor b = q(DType.INT8, Shape.of(2, 1), 10, -1);
    Tensor c = Tensor.of(new int[] {4}, 1);
    // (3-1)·10 + (5-1)·(-1) + 4 = 20
    Tensor asFloat = op("QGemm").run1(a, f(1f), q(DType.UINT8, Shape.SCALAR, 1), b, f(0.5f),
        q(DType.INT8, Shape.SCALAR, 0), c);
    assertThat(asFloat.floats()).containsExactly(10f);
    Tensor requantized = op("QGemm").run1(a, f(1f), q(DType.UINT8, Shape.SCALAR, 1), b, f(0.5f),
        q(DType.INT8, Shape.SCALAR, 0), c, f(3f), q(DType.UINT8, Shape.SCALAR, 2));
    assertThat(values(requantized)).containsExactly(5);
  }

  @Test
  void dynamicQuantizeMatMulQuantizesAThenScales() {
    // A's range [0, 2.55]: scale 0.01, zero point 0, q = [0, 255]; product 255·2 = 510
    Tensor a = Tensor.of(new float[] {0f, 2.55f}, 1, 2);
    Tensor b = q(DType.INT8, Shape.of(2, 1), 1, 2);
    Tensor y = op("DynamicQuantizeMatMul").run1(a, b, f(1f), null, Tensor.of(new float[] {0.5f}, 1));
    float scale = 2.55f / 255f;
    assertThat(y.floats()).containsExactly(510 * (scale * 1f) + 0.5f);
  }
}
