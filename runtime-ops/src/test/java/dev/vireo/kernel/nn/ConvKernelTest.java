package dev.vireo.kernel.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvKernelTest {

  @Test
  void handComputed3x3WithPadding() {
    // 1x1x3x3 input 1..9, 2x2 kernel of ones, pads 1 on the top-left only: sums of 2x2 windows
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
    Tensor w = Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2);
    Tensor y = KernelHarness.op("Conv", 11).ints("pads", 1, 1, 0, 0).run1(x, w);
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 3, 3));
    assertThat(y.floats()).containsExactly(1, 3, 5, 5, 12, 16, 11, 24, 28);
  }

  @Test
  void biasIsAddedPerOutputChannel() {
    Tensor x = Tensor.of(new float[] {1, 2}, 1, 1, 2);
    Tensor w = Tensor.of(new float[] {1, -1}, 2, 1, 1);
    Tensor b = Tensor.of(new float[] {10, 20}, 2);
    Tensor y = KernelHarness.op("Conv", 11).run1(x, w, b);
    assertThat(y.floats()).containsExactly(11, 12, 19, 18);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "2-D plain;          1,3,7,6;   4,3,3,3;  1,1;  1,1;  0,0,0,0; NOTSET;     1",
      "2-D strided padded; 2,3,8,7;   5,3,3,2;  2,3;  1,1;  1,0,2,1; NOTSET;     1",
      "2-D dilated;        1,2,9,9;   3,2,3,3;  1,2;  2,3;  1,1,1,1; NOTSET;     1",
      "2-D groups;         2,4,6,5;   6,2,3,3;  1,1;  1,1;  1,1,1,1; NOTSET;     2",
      "2-D depthwise;      1,4,6,6;   4,1,3,3;  2,2;  1,1;  0,0,0,0; SAME_UPPER; 4",
      "2-D same lower;     1,2,7,6;   3,2,4,3;  2,2;  1,1;  0,0,0,0; SAME_LOWER; 1",
      "2-D valid;          1,3,7,7;   2,3,3,2;  2,1;  1,1;  0,0,0,0; VALID;      1",
      "2-D 1x1;            2,5,4,3;   3,5,1,1;  1,1;  1,1;  0,0,0,0; NOTSET;     1",
      "1-D;                2,3,11;    4,3,3;    2;    2;    1,2;     NOTSET;     1",
      "3-D;                1,2,5,4,6; 3,2,2,3,2; 1,2,2; 1,1,2; 1,0,1,0,1,1; NOTSET; 1",
  })
  void matchesDirectReference(String label, String xs, String ws, String ss, String ds, String ps,
      String autoPad, int group) {
    int[] xd = ints(xs);
    int[] wd = ints(ws);
    int r = xd.length - 2;
    Random rnd = new Random(label.hashCode());
    Tensor x = Tensors.random(rnd, xd);
    Tensor w = Tensors.random(rnd, wd);
    Tensor b = Tensors.random(rnd, wd[0]);
    int[] s = ints(ss);
    int[] d = ints(ds);
    int[] pads = ints(ps);
    int[] in = Arrays.copyOfRange(xd, 2, xd.length);
    int[] k = Arrays.copyOfRange(wd, 2, wd.length);
    int[][] geo = WindowReference.geometry(in, k, s, d, pads, autoPad, false);
    float[] expected = WindowReference.conv(x.floats(), xd[0], xd[1], in, w.floats(), wd[0], k,
        b.floats(), s, d, geo[0], geo[2], group);

    KernelHarness h = KernelHarness.op("Conv", 11).ints("strides", longs(s)).ints("dilations", longs(d))
        .attr("group", (long) group).attr("auto_pad", autoPad);
    if (autoPad.equals("NOTSET")) {
      h.ints("pads", longs(pads));
    }
    Tensor y = h.run1(x, w, b);
    int[] outDims = new int[r + 2];
    outDims[0] = xd[0];
    outDims[1] = wd[0];
    System.arraycopy(geo[2], 0, outDims, 2, r);
    assertThat(y.shape()).isEqualTo(Shape.of(outDims));
    assertClose(y.floats(), expected);

    // the same on a 2-thread pool splits work differently and must agree
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor yp = h.kernel(x, w, b).run(new Tensor[] {x, w, b}, new ExecContext(2, pool))[0];
      assertClose(yp.floats(), expected);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void float16IsComputedInFloat32() {
    Tensor x = Tensor.wrap(DType.FLOAT16, Shape.of(1, 1, 2), new short[] {
        Float16.floatToHalf(1.5f), Float16.floatToHalf(-2f)});
    Tensor w = Tensor.wrap(DType.FLOAT16, Shape.of(1, 1, 1), new short[] {Float16.floatToHalf(2f)});
    Tensor y = KernelHarness.op("Conv", 11).run1(x, w);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(Float16.halfToFloat(y.shorts()[0])).isEqualTo(3f);
    assertThat(Float16.halfToFloat(y.shorts()[1])).isEqualTo(-4f);
  }

  @Test
  void emptyBatchGivesEmptyOutput() {
    Tensor x = Tensor.of(new float[0], 0, 2, 4, 4);
    Tensor w = Tensor.of(new float[2 * 2 * 9], 2, 2, 3, 3);
    assertThat(KernelHarness.op("Conv", 11).run1(x, w).shape()).isEqualTo(Shape.of(0, 2, 2, 2));
  }

  @Test
  void rejectsChannelMismatchNamingShapes() {
    Tensor x = Tensor.of(new float[3 * 16], 1, 3, 4, 4);
    Tensor w = Tensor.of(new float[2 * 2 * 9], 2, 2, 3, 3);
    assertThatThrownBy(() -> KernelHarness.op("Conv", 11).run1(x, w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f32[1,3,4,4]").hasMessageContaining("f32[2,2,3,3]");
  }

  @Test
  void rejectsWindowLargerThanPaddedInput() {
    Tensor x = Tensor.of(new float[4], 1, 1, 2, 2);
    Tensor w = Tensor.of(new float[9], 1, 1, 3, 3);
    assertThatThrownBy(() -> KernelHarness.op("Conv", 11).run1(x, w))
        .hasMessageContaining("does not fit");
  }

  @Test
  void rejectsBadAutoPadAtCreation() {
    Tensor x = Tensor.of(new float[4], 1, 1, 2, 2);
    Tensor w = Tensor.of(new float[1], 1, 1, 1, 1);
    assertThatThrownBy(() -> KernelHarness.op("Conv", 11).attr("auto_pad", "SAME")
        .ints("kernel_shape", 1, 1).kernel(x, w))
        .hasMessageContaining("unknown auto_pad 'SAME'");
  }

  static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(Tensors.CLOSE));
    }
  }

  static int[] ints(String csv) {
    return Arrays.stream(csv.trim().split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
  }

  static long[] longs(int[] v) {
    return Arrays.stream(v).asLongStream().toArray();
  }
}
