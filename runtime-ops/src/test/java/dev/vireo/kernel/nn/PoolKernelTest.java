package dev.vireo.kernel.nn;

import static dev.vireo.kernel.nn.ConvKernelTest.assertClose;
import static dev.vireo.kernel.nn.ConvKernelTest.ints;
import static dev.vireo.kernel.nn.ConvKernelTest.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolKernelTest {
  private static final Tensor X4 = Tensor.of(new float[] {
      1, 2, 3, 4,
      5, 6, 7, 8,
      9, 10, 11, 12,
      13, 14, 15, 16}, 1, 1, 4, 4);

  @Test
  void maxPool2x2Stride2WithIndices() {
    Tensor[] out = KernelHarness.op("MaxPool", 12).ints("kernel_shape", 2, 2).ints("strides", 2, 2)
        .outputs(2).run(X4);
    assertThat(out[0].floats()).containsExactly(6, 8, 14, 16);
    assertThat(out[1].dtype()).isEqualTo(DType.INT64);
    assertThat(out[1].longs()).containsExactly(5, 7, 13, 15);
  }

  @Test
  void maxPoolColumnMajorIndices() {
    Tensor[] out = KernelHarness.op("MaxPool", 12).ints("kernel_shape", 2, 2).ints("strides", 2, 2)
        .attr("storage_order", 1L).outputs(2).run(X4);
    // (h, w) = (1, 1) -> 1 + 1*4 = 5; (1, 3) -> 1 + 3*4 = 13; (3, 1) -> 7; (3, 3) -> 15
    assertThat(out[1].longs()).containsExactly(5, 13, 7, 15);
  }

  @Test
  void averagePoolExcludesOrIncludesPadding() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor excl = KernelHarness.op("AveragePool", 11).ints("kernel_shape", 2, 2)
        .ints("pads", 1, 1, 0, 0).run1(x);
    // windows at the top-left corner see only real elements: {1}, {1,2}, {1,3}, {1,2,3,4}
    assertThat(excl.floats()).containsExactly(1, 1.5f, 2, 2.5f);
    Tensor incl = KernelHarness.op("AveragePool", 11).ints("kernel_shape", 2, 2)
        .ints("pads", 1, 1, 0, 0).attr("count_include_pad", 1L).run1(x);
    assertThat(incl.floats()).containsExactly(0.25f, 0.75f, 1, 2.5f);
  }

  @Test
  void ceilModeAddsAPartialWindow() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 1, 5);
    Tensor floor = KernelHarness.op("MaxPool", 12).ints("kernel_shape", 2).ints("strides", 2).run1(x);
    assertThat(floor.floats()).containsExactly(2, 4);
    Tensor ceil = KernelHarness.op("MaxPool", 12).ints("kernel_shape", 2).ints("strides", 2)
        .attr("ceil_mode", 1L).run1(x);
    assertThat(ceil.floats()).containsExactly(2, 4, 5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "2-D plain;           2,3,7,6;   3,3;   1,1;  1,1;  0,0,0,0;     NOTSET;     0; 0",
      "2-D strided padded;  1,2,9,8;   3,2;   2,3;  1,1;  1,0,2,1;     NOTSET;     0; 1",
      "2-D dilated ceil;    1,2,9,9;   2,3;   2,2;  2,2;  1,1,1,1;     NOTSET;     1; 1",
      "2-D same upper;      1,3,7,6;   3,3;   2,2;  1,1;  0,0,0,0;     SAME_UPPER; 0; 0",
      "2-D same lower;      1,3,7,6;   2,3;   2,2;  1,1;  0,0,0,0;     SAME_LOWER; 0; 1",
      "2-D valid;           1,1,8,8;   3,3;   3,3;  1,1;  0,0,0,0;     VALID;      1; 0",
      "1-D ceil padded;     2,2,10;    3;     2;    1;    1,1;         NOTSET;     1; 1",
      "3-D;                 1,2,5,6,4; 2,3,2; 2,1,2; 1,1,1; 1,0,1,0,1,1; NOTSET;   0; 1",
  })
  void matchesDirectReference(String label, String xs, String ks, String ss, String ds, String ps,
      String autoPad, int ceil, int countPad) {
    int[] xd = ints(xs);
    int[] k = ints(ks);
    int[] s = ints(ss);
    int[] d = ints(ds);
    int[] pads = ints(ps);
    int[] in = Arrays.copyOfRange(xd, 2, xd.length);
    Tensor x = Tensors.random(new Random(label.hashCode()), xd);
    int[][] geo = WindowReference.geometry(in, k, s, d, pads, autoPad, ceil != 0);
    int planes = xd[0] * xd[1];
    long[] expIdx = new long[planes * WindowReference.prod(geo[2])];
    float[] expMax = WindowReference.pool(x.floats(), planes, in, k, s, d, geo[0], geo[1], geo[2],
        true, false, expIdx);
    float[] expAvg = WindowReference.pool(x.floats(), planes, in, k, s, d, geo[0], geo[1], geo[2],
        false, countPad != 0, null);
    int[] outDims = new int[xd.length];
    outDims[0] = xd[0];
    outDims[1] = xd[1];
    System.arraycopy(geo[2], 0, outDims, 2, in.length);

    Tensor[] max = configure(KernelHarness.op("MaxPool", 12), k, s, d, pads, autoPad, ceil).outputs(2).run(x);
    assertThat(max[0].shape()).isEqualTo(Shape.of(outDims));
    assertClose(max[0].floats(), expMax);
    assertThat(max[1].longs()).containsExactly(expIdx);

    // dilations on AveragePool exist from opset 19
    Tensor avg = configure(KernelHarness.op("AveragePool", 19), k, s, d, pads, autoPad, ceil)
        .attr("count_include_pad", (long) countPad).run1(x);
    assertThat(avg.shape()).isEqualTo(Shape.of(outDims));
    assertClose(avg.floats(), expAvg);
  }

  private static KernelHarness configure(KernelHarness h, int[] k, int[] s, int[] d, int[] pads,
      String autoPad, int ceil) {
    h.ints("kernel_shape", longs(k)).ints("strides", longs(s)).ints("dilations", longs(d))
        .attr("auto_pad", autoPad).attr("ceil_mode", (long) ceil);
    if (autoPad.equals("NOTSET")) {
      h.ints("pads", longs(pads));
    }
    return h;
  }

  @Test
  void globalPoolsReduceAllSpatialDims() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, -1, -2, -3, -6}, 1, 2, 2, 2);
    Tensor avg = KernelHarness.op("GlobalAveragePool", 1).run1(x);
    assertThat(avg.shape()).isEqualTo(Shape.of(1, 2, 1, 1));
    assertThat(avg.floats()).containsExactly(2.5f, -3f);
    Tensor max = KernelHarness.op("GlobalMaxPool", 1).run1(x);
    assertThat(max.floats()).containsExactly(4f, -1f);
  }

  @Test
  void maxPoolOfUint8FromOpset12() {
    Tensor x = Tensor.wrap(DType.UINT8, Shape.of(1, 1, 3), new byte[] {(byte) 200, 7, (byte) 255});
    Tensor y = KernelHarness.op("MaxPool", 12).ints("kernel_shape", 2).run1(x);
    assertThat(y.dtype()).isEqualTo(DType.UINT8);
    assertThat(y.bytes()).containsExactly((byte) 200, (byte) 255);
  }

  @Test
  void requiresKernelShape() {
    assertThatThrownBy(() -> KernelHarness.op("MaxPool", 12).kernel(X4))
        .hasMessageContaining("kernel_shape");
  }

  @Test
  void rejectsPadsOfWrongLength() {
    assertThatThrownBy(() -> KernelHarness.op("AveragePool", 11).ints("kernel_shape", 2, 2)
        .ints("pads", 1, 1).kernel(X4))
        .hasMessageContaining("pads has 2 values [1, 1], expected 4");
  }
}
