package dev.vireo.kernel.nn;

import static dev.vireo.kernel.nn.ConvKernelTest.ints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.IndirectGemm;
import dev.vireo.linalg.IndirectGemms;
import dev.vireo.linalg.ScalarIndirectGemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PackedConv} against the direct double-accumulating reference on odd shapes (groups,
 * strides, dilations, asymmetric pads, 1-D and 3-D, channel counts off the tile sizes, tiles that
 * cross output rows, several images), with the scalar {@link IndirectGemm} at small block sizes
 * (so that depth blocks, row panels and column panels all have edges) and with the vector one
 * when SIMD is on; on one thread and two, with a Relu6 + residual post-op.
 */
class PackedConvTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "3x3 pad 1;               1,5,9,11;    7,5,3,3;    1,1;   1,1;   1,1,1,1;     1",
      "3x3 two images;          2,13,7,6;    11,13,3,3;  1,1;   1,1;   1,1,1,1;     1",
      "1x1 in place;            2,7,5,9;     13,7,1,1;   1,1;   1,1;   0,0,0,0;     1",
      "1x1 grouped;             3,6,5,3;     9,2,1,1;    1,1;   1,1;   0,0,0,0;     3",
      "1x1 stride 2 direct out; 1,6,10,8;    5,6,1,1;    2,2;   1,1;   0,0,0,0;     1",
      "1x1 stride 2 odd input;  1,6,9,7;     5,6,1,1;    2,2;   1,1;   0,0,0,0;     1",
      "7x7 s2 like resnet;      1,3,33,31;   8,3,7,7;    2,2;   1,1;   3,3,3,3;     1",
      "3x3 s2 pad 1;            2,9,14,15;   10,9,3,3;   2,2;   1,1;   1,1,1,1;     1",
      "strided dilated grouped; 2,4,13,11;   6,2,3,2;    2,3;   2,2;   2,1,0,3;     2",
      "asymmetric pads;         1,3,8,9;     4,3,3,3;    1,1;   1,1;   0,2,1,0;     1",
      "unpadded 3x3;            1,4,10,12;   5,4,3,3;    1,1;   1,1;   0,0,0,0;     1",
      "dilated 3x3;             1,3,12,12;   7,3,3,3;    1,1;   2,2;   2,2,2,2;     1",
      "depthwise multiplier;    1,3,8,8;     6,1,3,3;    1,1;   1,1;   1,1,1,1;     3",
      "1-D;                     2,5,37;      7,5,5;      1;     1;     2,2;         1",
      "1-D strided;             1,4,29;      3,4,3;      3;     2;     1,0;         1",
      "3-D;                     1,2,5,6,7;   4,2,3,2,3;  1,2,1; 1,1,2; 1,0,1,1,1,0; 1",
      "3-D stride 2;            1,3,6,7,5;   5,3,3,3,3;  2,2,2; 1,1,1; 1,1,1,1,1,1; 1",
      "wide rows;               1,3,3,150;   4,3,3,3;    1,1;   1,1;   1,1,1,1;     1",
  })
  void matchesDirectReference(String label, String xs, String ws, String ss, String ds, String ps,
      int group) {
    int[] xd = ints(xs);
    int[] wd = ints(ws);
    Random rnd = new Random(label.hashCode());
    float[] x = random(rnd, Arrays.stream(xd).reduce(1, (p, q) -> p * q));
    float[] w = random(rnd, Arrays.stream(wd).reduce(1, (p, q) -> p * q));
    float[] bias = random(rnd, wd[0]);
    int[] s = ints(ss);
    int[] d = ints(ds);
    int[] pads = ints(ps);
    int[] in = Arrays.copyOfRange(xd, 2, xd.length);
    int[] k = Arrays.copyOfRange(wd, 2, wd.length);
    int[][] geo = WindowReference.geometry(in, k, s, d, pads, "NOTSET", false);
    float[] expected = WindowReference.conv(x, xd[0], xd[1], in, w, wd[0], k, bias, s, d, geo[0],
        geo[2], group);
    int[] outDims = new int[xd.length];
    outDims[0] = xd[0];
    outDims[1] = wd[0];
    System.arraycopy(geo[2], 0, outDims, 2, in.length);
    Spatial sp = new Spatial(pad3(in, 1), pad3(k, 1), pad3(s, 1), pad3(geo[0], 0),
        pad3(geo[1], 0), pad3(d, 1), pad3(geo[2], 1), outDims);
    ConvGeometry cg = new ConvGeometry(xd[0], xd[1], wd[0], group, sp);
    float[] z = random(rnd, expected.length);
    float[] fused = new float[expected.length];
    for (int i = 0; i < fused.length; i++) {
      fused[i] = Math.min(6f, Math.max(0f, expected[i] + z[i]));
    }
    List<IndirectGemm> gemms = new ArrayList<>(List.of(new ScalarIndirectGemm(4, 8, 5),
        new ScalarIndirectGemm(6, 16, 256), new ScalarIndirectGemm(3, 32, 7)));
    if (IndirectGemms.vector() != null) {
      gemms.add(IndirectGemms.vector());
    }
    for (IndirectGemm gemm : gemms) {
      float[][] wp = PackedConv.packWeights(gemm, w, wd[0], group, cg.kg());
      for (int threads = 1; threads <= 2; threads++) {
        ExecContext ctx = threads == 1 ? ExecContext.singleThreaded() : new ExecContext(2, POOL);
        float[] y = new float[expected.length];
        Arrays.fill(y, Float.NaN);
        PackedConv.run(gemm, cg, x, wp, y, BiasActivation.bias(bias), null, ctx);
        ConvStrategiesTest.assertNear(y, expected, cg.kg());
        Arrays.fill(y, Float.NaN);
        PackedConv.run(gemm, cg, x, wp, y, new BiasActivation(bias, BiasActivation.Kind.CLIP, 0f,
            6f), z, ctx);
        ConvStrategiesTest.assertNear(y, fused, cg.kg());
      }
    }
  }

  private static float[] random(Random rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static int[] pad3(int[] v, int fill) {
    int[] r = {fill, fill, fill};
    System.arraycopy(v, 0, r, 3 - v.length, v.length);
    return r;
  }
}
