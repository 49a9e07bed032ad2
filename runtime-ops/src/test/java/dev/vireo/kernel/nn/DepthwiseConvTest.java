package dev.vireo.kernel.nn;

import static dev.vireo.kernel.nn.ConvKernelTest.ints;
import static dev.vireo.kernel.nn.ConvKernelTest.longs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Depthwise convolutions (group = C, M = C or a multiple) against the direct reference, with
 * each fusable post-op (bias only, Relu, Relu6, and Leaky Relu, which is not fused into the 3×3
 * store), on one thread and two: odd widths, strides 1 to 3, dilation, asymmetric pads, kernels
 * 1×1 to 7×7, channel multiplier 2, 1-D, and the MobileNet plane sizes.
 */
class DepthwiseConvTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "3x3 s1 mobilenet 112;   1,4,112,112; 4,1,3,3; 1,1; 1,1; 1,1,1,1",
      "3x3 s2 mobilenet 112;   1,3,112,112; 3,1,3,3; 2,2; 1,1; 1,1,1,1",
      "3x3 s1 7x7;             2,9,7,7;     9,1,3,3; 1,1; 1,1; 1,1,1,1",
      "3x3 s2 14x14;           1,6,14,14;   6,1,3,3; 2,2; 1,1; 1,1,1,1",
      "3x3 s1 odd widths;      1,3,5,37;    3,1,3,3; 1,1; 1,1; 1,1,1,1",
      "3x3 s2 odd widths;      2,2,9,35;    2,1,3,3; 2,2; 1,1; 1,1,1,1",
      "3x3 s1 no pad;          1,2,6,19;    2,1,3,3; 1,1; 1,1; 0,0,0,0",
      "3x3 s2 asymmetric pads; 1,2,10,23;   2,1,3,3; 2,2; 1,1; 0,2,1,0",
      "3x3 s1 wide pads;       1,2,4,5;     2,1,3,3; 1,1; 1,1; 2,2,2,2",
      "3x3 s3;                 1,2,17,20;   2,1,3,3; 3,3; 1,1; 1,1,1,1",
      "3x3 s1 dilated;         1,2,15,18;   2,1,3,3; 1,1; 2,2; 2,2,2,2",
      "3x3 unequal strides;    1,2,15,18;   2,1,3,3; 1,2; 1,1; 1,1,1,1",
      "1x1;                    1,3,5,9;     3,1,1,1; 1,1; 1,1; 0,0,0,0",
      "2x2 s2;                 1,3,8,9;     3,1,2,2; 2,2; 1,1; 0,0,1,1",
      "5x5 s1;                 1,2,14,14;   2,1,5,5; 1,1; 1,1; 2,2,2,2",
      "5x5 s2;                 1,2,15,17;   2,1,5,5; 2,2; 1,1; 2,2,2,2",
      "7x7 s1;                 1,2,9,11;    2,1,7,7; 1,1; 1,1; 3,3,3,3",
      "3x5;                    1,2,9,11;    2,1,3,5; 1,1; 1,1; 1,2,1,2",
      "multiplier 2 3x3;       1,3,9,19;    6,1,3,3; 1,1; 1,1; 1,1,1,1",
      "multiplier 2 s2;        2,2,8,8;     4,1,3,3; 2,2; 1,1; 1,1,1,1",
      "multiplier 3 5x5;       1,2,7,9;     6,1,5,5; 1,1; 1,1; 2,2,2,2",
      "1-D k3;                 2,3,41;      3,1,3;   1;   1;   1,1",
      "1-D k5 s2 multiplier;   1,2,33;      4,1,5;   2;   1;   2,1",
  })
  void matchesDirectReference(String label, String xs, String ws, String ss, String ds,
      String ps) {
    int[] xd = ints(xs);
    int[] wd = ints(ws);
    int group = xd[1];
    Random rnd = new Random(label.hashCode());
    Tensor x = Tensors.random(rnd, xd);
    Tensor w = Tensors.random(rnd, wd);
    Tensor b = Tensors.random(rnd, wd[0]);
    int[] s = ints(ss);
    int[] d = ints(ds);
    int[] pads = ints(ps);
    int[] in = Arrays.copyOfRange(xd, 2, xd.length);
    int[] k = Arrays.copyOfRange(wd, 2, wd.length);
    int[][] geo = WindowReference.geometry(in, k, s, d, pads, "NOTSET", false);
    float[] conv = WindowReference.conv(x.floats(), xd[0], xd[1], in, w.floats(), wd[0], k,
        b.floats(), s, d, geo[0], geo[2], group);
    Node n = KernelHarness.op("Conv", 11).ints("strides", longs(s)).ints("dilations", longs(d))
        .attr("group", (long) group).ints("pads", longs(pads)).node(x, w, b);
    n.input(1).setInitializer(w);
    n.input(2).setInitializer(b);
    int kg = WindowReference.prod(k);
    for (BiasActivation.Kind kind : new BiasActivation.Kind[] {BiasActivation.Kind.NONE,
        BiasActivation.Kind.RELU, BiasActivation.Kind.CLIP, BiasActivation.Kind.LEAKY_RELU}) {
      float[] expected = new float[conv.length];
      for (int i = 0; i < conv.length; i++) {
        float v = conv[i];
        expected[i] = switch (kind) {
          case RELU -> Math.max(0f, v);
          case CLIP -> Math.min(0.5f, Math.max(-0.25f, v));
          case LEAKY_RELU -> v >= 0 ? v : 0.1f * v;
          default -> v;
        };
      }
      float alpha = kind == BiasActivation.Kind.CLIP ? -0.25f : 0.1f;
      ConvKernel kernel = new ConvKernel(n, kind, alpha, 0.5f);
      for (int threads = 1; threads <= 2; threads++) {
        Tensor y = kernel.run(new Tensor[] {x, w, b}, new ExecContext(threads, POOL))[0];
        assertThat(y.shape().dim(1)).isEqualTo(wd[0]);
        ConvStrategiesTest.assertNear(y.floats(), expected, kg);
      }
    }
  }
}
