package dev.vireo.kernel.convt;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PoolingKernelsTest {
  private static final float CLOSE = 1e-5f;
  private static final Tensor X = Tensor.of(new float[] {1, -2, 3, 4, 5, -6, 7, 8, 9}, 1, 1, 3, 3);

  @Test
  void lpPoolL2OverWindows() {
    Tensor y = run(node("LpPool", 18, 1, 1, Attribute.ints("kernel_shape", 2, 2)), X)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 2));
    assertThat(y.floats()[0]).isCloseTo((float) Math.sqrt(1 + 4 + 16 + 25), within(CLOSE));
    assertThat(y.floats()[3]).isCloseTo((float) Math.sqrt(25 + 36 + 64 + 81), within(CLOSE));
  }

  @Test
  void lpPoolWithPForPadsAndStrides() {
    Tensor y = run(node("LpPool", 11, 1, 1, Attribute.ints("kernel_shape", 2, 2), Attribute.of("p", 1L),
        Attribute.ints("pads", 1, 1, 0, 0), Attribute.ints("strides", 2, 2)), X)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 2));
    // windows start at -1: the padding adds nothing
    assertThat(y.floats()).containsExactly(1, 2 + 3, 4 + 7, 5 + 6 + 8 + 9);
    // opset 1's p is a float
    Tensor y3 = run(node("LpPool", 1, 1, 1, Attribute.ints("kernel_shape", 3, 3), Attribute.of("p", 3f)), X)[0];
    double s = 0;
    for (float v : X.floats()) {
      s += Math.pow(Math.abs(v), 3);
    }
    assertThat(y3.floats()[0]).isCloseTo((float) Math.cbrt(s), within(1e-4f));
  }

  @Test
  void lpPoolDilationsFromOpset18() {
    Tensor y = run(node("LpPool", 18, 1, 1, Attribute.ints("kernel_shape", 2, 2), Attribute.of("p", 1L),
        Attribute.ints("dilations", 2, 2)), X)[0];
    assertThat(y.floats()).containsExactly(1 + 3 + 7 + 9);
  }

  @Test
  void globalLpPool() {
    Tensor x = Tensor.of(new float[] {3, 4, 1, 1, 1, 1}, 1, 2, 1, 3);
    Tensor y = run(node("GlobalLpPool", 2, 1, 1), x)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 1, 1));
    assertThat(y.floats()[0]).isCloseTo((float) Math.sqrt(26), within(CLOSE));
    assertThat(y.floats()[1]).isCloseTo((float) Math.sqrt(3), within(CLOSE));
    Tensor y1 = run(node("GlobalLpPool", 2, 1, 1, Attribute.of("p", 1L)), x)[0];
    assertThat(y1.floats()).containsExactly(8, 3);
  }

  @Test
  void maxUnpoolSpecExamples() {
    Tensor x = Tensor.of(new float[] {5, 6, 7, 8}, 1, 1, 2, 2);
    Tensor i = Tensor.of(new long[] {5, 7, 13, 15}, 1, 1, 2, 2);
    Attribute k = Attribute.ints("kernel_shape", 2, 2);
    Attribute s = Attribute.ints("strides", 2, 2);
    Tensor y = run(node("MaxUnpool", 11, 2, 1, k, s), x, i)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 4, 4));
    assertThat(y.floats()).containsExactly(0, 0, 0, 0, 0, 5, 0, 6, 0, 0, 0, 0, 0, 7, 0, 8);
    // an output_shape larger than the default pads the unpooled result at the end
    Tensor y5 = run(node("MaxUnpool", 11, 3, 1, k, s), x, i, Tensor.of(new long[] {1, 1, 5, 5}, 4))[0];
    assertThat(y5.floats()).containsExactly(0, 0, 0, 0, 0, 0, 5, 0, 6, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void maxUnpoolRejectsIndicesOutsideTheOutput() {
    Tensor x = Tensor.of(new float[] {5}, 1, 1, 1, 1);
    assertThatThrownBy(() -> run(node("MaxUnpool", 11, 2, 1, Attribute.ints("kernel_shape", 2, 2)), x,
        Tensor.of(new long[] {4}, 1, 1, 1, 1))).hasMessageContaining("index 4 at 0 is outside");
  }
}
