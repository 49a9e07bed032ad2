package dev.vireo.kernel.nn;

import static dev.vireo.kernel.nn.ConvKernelTest.ints;
import static dev.vireo.kernel.nn.ConvKernelTest.longs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each {@link ConvStrategy} against the direct double-accumulating reference, on one thread and
 * on two, with constant (initializer) weights and with weights given at run time, and with the
 * fused post-ops.
 */
class ConvStrategiesTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "POINTWISE;  pointwise;               2,5,7,9;     6,5,1,1;   1,1; 1,1; 0,0,0,0;     1",
      "POINTWISE;  pointwise several tiles; 1,600,15,20; 8,600,1,1; 1,1; 1,1; 0,0,0,0;     1",
      "POINTWISE;  pointwise grouped;       3,6,5,3;     9,2,1,1;   1,1; 1,1; 0,0,0,0;     3",
      "POINTWISE;  pointwise 1-D;           2,4,13;      3,4,1;     1;   1;   0,0;         1",
      "DEPTHWISE;  depthwise 3x3 s1;        2,5,11,13;   5,1,3,3;   1,1; 1,1; 1,1,1,1;     5",
      "DEPTHWISE;  depthwise 3x3 s2;        1,4,14,17;   4,1,3,3;   2,2; 1,1; 1,1,1,1;     4",
      "DEPTHWISE;  depthwise 3x3 s2 odd;    2,3,15,15;   3,1,3,3;   2,2; 1,1; 0,1,1,0;     3",
      "DEPTHWISE;  depthwise 5x5 dilated;   1,3,40,37;   3,1,5,5;   1,2; 2,1; 4,2,3,1;     3",
      "DEPTHWISE;  depthwise long rows;     1,2,9,70;    2,1,3,3;   1,1; 1,1; 1,1,1,1;     2",
      "DEPTHWISE;  depthwise 1-D;           2,3,50;      3,1,5;     3;   1;   2,2;         3",
      "DEPTHWISE;  depthwise 3-D flat;      1,2,3,6,7;   2,1,1,3,3; 1,1,1; 1,1,1; 0,1,1,0,1,1; 2",
      "IM2COL;     3x3 padded;              2,3,9,8;     4,3,3,3;   1,1; 1,1; 1,1,1,1;     1",
      "IM2COL;     3x3 several tiles;       1,64,20,20;  5,64,3,3;  1,1; 1,1; 1,1,1,1;     1",
      "IM2COL;     7x7 s2 like resnet;      1,3,33,31;   8,3,7,7;   2,2; 1,1; 3,3,3,3;     1",
      "IM2COL;     strided dilated;         2,4,13,11;   6,2,3,2;   2,3; 2,2; 2,1,0,3;     2",
      "IM2COL;     1x1 strided;             1,6,9,9;     4,6,1,1;   2,2; 1,1; 0,0,0,0;     1",
      "DEPTHWISE;  depthwise multiplier;    1,3,8,8;     6,1,3,3;   1,1; 1,1; 1,1,1,1;     3",
      "IM2COL;     3-D;                     1,2,5,6,7;   4,2,3,2,3; 1,2,1; 1,1,2; 1,0,1,1,1,0; 1",
  })
  void matchesDirectReference(ConvStrategy strategy, String label, String xs, String ws,
      String ss, String ds, String ps, int group) {
    int[] xd = ints(xs);
    int[] wd = ints(ws);
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
    assertThat(ConvStrategy.choose(xd[1], wd[0], group, pad3(k, 1), pad3(s, 1),
        pad3(geo[0], 0), pad3(geo[1], 0))).isEqualTo(strategy);
    float[] expected = WindowReference.conv(x.floats(), xd[0], xd[1], in, w.floats(), wd[0], k,
        b.floats(), s, d, geo[0], geo[2], group);
    KernelHarness h = harness(s, d, pads, group);
    int kg = wd[1] * WindowReference.prod(k);

    assertNear(h.run1(x, w, b).floats(), expected, kg);
    Tensor parallel = h.kernel(x, w, b).run(new Tensor[] {x, w, b}, new ExecContext(2, POOL))[0];
    assertNear(parallel.floats(), expected, kg);

    Node n = h.node(x, w, b);
    n.input(1).setInitializer(w);
    n.input(2).setInitializer(b);
    Tensor constant = new ConvKernel(n).run(new Tensor[] {x, w, b}, new ExecContext(2, POOL))[0];
    assertNear(constant.floats(), expected, kg);
    int[] outDims = new int[xd.length];
    outDims[0] = xd[0];
    outDims[1] = wd[0];
    System.arraycopy(geo[2], 0, outDims, 2, in.length);
    assertThat(constant.shape()).isEqualTo(Shape.of(outDims));

    // the fused post-op: Relu6 of conv + bias + residual
    Tensor z = Tensors.random(rnd, outDims);
    float[] fused = new float[expected.length];
    for (int i = 0; i < fused.length; i++) {
      fused[i] = Math.min(6f, Math.max(0f, expected[i] + z.floats()[i]));
    }
    Tensor y = new ConvKernel(n, BiasActivation.Kind.CLIP, 0f, 6f)
        .run(new Tensor[] {x, w, b, z}, new ExecContext(2, POOL))[0];
    assertNear(y.floats(), fused, kg);
  }

  @Test
  void postOpsMatchTheirFormulas() {
    float[] bias = {0.5f, -1f};
    float[] y0 = {-2f, -0.25f, 0f, 3f, -2f, 0.5f, 1f, 8f};
    float[] z = {1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
    check(new BiasActivation(bias, BiasActivation.Kind.RELU, 0f, 0f), y0, null,
        0f, 0.25f, 0.5f, 3.5f, 0f, 0f, 0f, 7f);
    check(new BiasActivation(bias, BiasActivation.Kind.RELU, 0f, 0f), y0, z,
        0f, 0.25f, 0.5f, 3.5f, 0f, 0f, 0f, 7f);
    check(new BiasActivation(bias, BiasActivation.Kind.CLIP, 0f, 6f), y0, z,
        0f, 0.25f, 0.5f, 3.5f, 0f, 0f, 0f, 6f);
    check(new BiasActivation(null, BiasActivation.Kind.LEAKY_RELU, 0.1f, 0f), y0, null,
        -0.2f, -0.025f, 0f, 3f, -0.2f, 0.5f, 1f, 8f);
    check(new BiasActivation(null, BiasActivation.Kind.HARD_SIGMOID, 0.25f, 0.5f), y0, null,
        0f, 0.4375f, 0.5f, 1f, 0f, 0.625f, 0.75f, 1f);
    check(BiasActivation.bias(bias), y0, null, -1.5f, 0.25f, 0.5f, 3.5f, -3f, -0.5f, 0f, 7f);
    check(new BiasActivation(null, BiasActivation.Kind.SIGMOID, 0f, 0f), new float[] {0f, 0f, 0f,
        0f, 0f, 0f, 0f, 0f}, null, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f);
  }

  private static void check(BiasActivation post, float[] y0, float[] z, float... expected) {
    float[] y = y0.clone();
    // a 2-channel x 4-position tile
    post.apply(y, 0, 4, 0, 2, 0, 4, z);
    assertThat(y).as(post.toString()).containsExactly(expected);
  }

  private static KernelHarness harness(int[] s, int[] d, int[] pads, int group) {
    return KernelHarness.op("Conv", 11).ints("strides", longs(s)).ints("dilations", longs(d))
        .attr("group", (long) group).ints("pads", longs(pads));
  }

  /** Float sums of kg products in another order than the reference's double sum. */
  static void assertNear(float[] actual, float[] expected, int kg) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double tol = 1e-4 + 2e-6 * kg + 1e-5 * Math.abs(expected[i]);
      assertThat((double) actual[i]).as("element %d", i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tol));
    }
  }

  private static int[] pad3(int[] v, int fill) {
    int[] r = {fill, fill, fill};
    System.arraycopy(v, 0, r, 3 - v.length, v.length);
    return r;
  }
}
