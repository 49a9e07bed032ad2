package dev.vireo.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Statistics of large samples (each tolerance is more than 10 standard errors of its estimate, so
 * a correct generator fails with negligible probability) and exact determinism with seeds.
 */
class RandomKernelsTest {
  private static final int N = 100_000;
  /** Tolerance for a mean or rate estimated from N draws of unit-order variance. */
  private static final double STAT = 0.02;

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / v.length;
  }

  private static double[] values(Tensor t) {
    double[] v = new double[t.size()];
    for (int i = 0; i < v.length; i++) v[i] = t.getDouble(i);
    return v;
  }

  @Test
  void uniformHasRangeMeanAndVarianceOfItsBounds() {
    Tensor y = KernelHarness.op("RandomUniform", 1).ints("shape", 100, N / 100).attr("low", -1f)
        .attr("high", 3f).attr("seed", 7f).run1();
    assertThat(y.dtype()).isEqualTo(DType.FLOAT);
    assertThat(y.shape()).isEqualTo(Shape.of(100, N / 100));
    double[] v = values(y);
    for (double x : v) {
      assertThat(x).isGreaterThanOrEqualTo(-1).isLessThan(3);
    }
    assertThat(mean(v)).isCloseTo(1, within(STAT));
    assertThat(variance(v)).isCloseTo(16.0 / 12, within(STAT * 4));
  }

  @Test
  void normalHasMeanAndScale() {
    Tensor y = KernelHarness.op("RandomNormal", 22).ints("shape", N).attr("mean", 2f).attr("scale", 0.5f)
        .attr("dtype", (long) DType.DOUBLE.onnxCode()).run1();
    assertThat(y.dtype()).isEqualTo(DType.DOUBLE);
    double[] v = values(y);
    assertThat(mean(v)).isCloseTo(2, within(STAT));
    assertThat(variance(v)).isCloseTo(0.25, within(STAT));
  }

  @Test
  void likeFormsTakeShapeAndTypeFromInputUnlessDtypeIsSet() {
    Tensor x = Tensor.of(new double[6], 2, 3);
    Tensor u = KernelHarness.op("RandomUniformLike", 1).run1(x);
    assertThat(u.dtype()).isEqualTo(DType.DOUBLE);
    assertThat(u.shape()).isEqualTo(Shape.of(2, 3));
    Tensor n = KernelHarness.op("RandomNormalLike", 1).attr("dtype", (long) DType.FLOAT16.onnxCode())
        .run1(Tensor.of(new long[N], N));
    assertThat(n.dtype()).isEqualTo(DType.FLOAT16);
    assertThat(mean(values(n))).isCloseTo(0, within(STAT));
    assertThat(variance(values(n))).isCloseTo(1, within(STAT * 2));
    assertThatThrownBy(() -> KernelHarness.op("RandomNormalLike", 1).run1(Tensor.of(new long[2], 2)))
        .hasMessageContaining("not a float type");
  }

  @Test
  void sameSeedGivesSameValuesAcrossRunsKernelsAndThreads() throws Exception {
    KernelHarness h = KernelHarness.op("RandomNormal", 1).ints("shape", 1000).attr("seed", 3f);
    Kernel k = h.kernel();
    float[] first = k.run(new Tensor[0], ExecContext.singleThreaded())[0].floats();
    assertThat(h.kernel().run(new Tensor[0], ExecContext.singleThreaded())[0].floats()).containsExactly(first);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> k.run(new Tensor[0], ExecContext.singleThreaded())[0].floats()));
      }
      for (Future<float[]> f : runs) {
        assertThat(f.get()).containsExactly(first);
      }
    } finally {
      pool.shutdown();
    }
    float[] other = KernelHarness.op("RandomNormal", 1).ints("shape", 1000).attr("seed", 4f).run1().floats();
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void withoutSeedEachRunDrawsNewValues() {
    Kernel k = KernelHarness.op("RandomUniform", 1).ints("shape", 100).kernel();
    float[] a = k.run(new Tensor[0], ExecContext.singleThreaded())[0].floats();
    float[] b = k.run(new Tensor[0], ExecContext.singleThreaded())[0].floats();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void bernoulliDrawsOnesAtTheGivenRate() {
    float[] p = new float[N];
    for (int i = 0; i < N; i++) p[i] = i % 2 == 0 ? 0.3f : 0.9f;
    Tensor y = KernelHarness.op("Bernoulli", 15).attr("seed", 1f).run1(Tensor.of(p, N));
    assertThat(y.dtype()).isEqualTo(DType.FLOAT);
    double even = 0;
    double odd = 0;
    for (int i = 0; i < N; i++) {
      float v = y.floats()[i];
      assertThat(v).isIn(0f, 1f);
      if (i % 2 == 0) even += v; else odd += v;
    }
    assertThat(even / (N / 2)).isCloseTo(0.3, within(STAT));
    assertThat(odd / (N / 2)).isCloseTo(0.9, within(STAT));
    Tensor edges = KernelHarness.op("Bernoulli", 22).attr("dtype", (long) DType.BOOL.onnxCode())
        .run1(Tensor.of(new double[] {0, 1, 0, 1}, 2, 2));
    assertThat(edges.dtype()).isEqualTo(DType.BOOL);
    assertThat(edges.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(edges.booleans()).containsExactly(false, true, false, true);
    assertThatThrownBy(() -> KernelHarness.op("Bernoulli", 15).run1(Tensor.of(new float[] {1.5f}, 1)))
        .hasMessageContaining("outside [0, 1]");
  }

  @Test
  void multinomialFrequenciesFollowSoftmaxOfTheInput() {
    float[] logits = {(float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.5), 5, -1000, 5};
    Tensor y = KernelHarness.op("Multinomial", 7).attr("sample_size", (long) N).attr("seed", 9f)
        .attr("dtype", (long) DType.INT64.onnxCode()).run1(Tensor.of(logits, 2, 3));
    assertThat(y.dtype()).isEqualTo(DType.INT64);
    assertThat(y.shape()).isEqualTo(Shape.of(2, N));
    double[][] freq = new double[2][3];
    for (int b = 0; b < 2; b++) {
      for (int s = 0; s < N; s++) {
        freq[b][(int) y.longs()[b * N + s]] += 1.0 / N;
      }
    }
    assertThat(freq[0]).containsExactly(new double[] {0.2, 0.3, 0.5}, within(STAT));
    assertThat(freq[1]).containsExactly(new double[] {0.5, 0, 0.5}, within(STAT));
    assertThat(freq[1][1]).isZero();
    Tensor again = KernelHarness.op("Multinomial", 7).attr("sample_size", (long) N).attr("seed", 9f)
        .attr("dtype", (long) DType.INT64.onnxCode()).run1(Tensor.of(logits, 2, 3));
    assertThat(again.longs()).containsExactly(y.longs());
    Tensor def = KernelHarness.op("Multinomial", 22).run1(Tensor.of(logits, 2, 3));
    assertThat(def.dtype()).isEqualTo(DType.INT32);
    assertThat(def.shape()).isEqualTo(Shape.of(2, 1));
  }
}
