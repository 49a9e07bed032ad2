package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.linalg.UnaryOp;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The kernels built on {@link dev.vireo.linalg.VecMath}, split over two threads, against double
 * references: Erf, Gelu (both forms), Tanh, Sigmoid and Exp element-wise, Softmax rows and
 * LayerNormalization.
 */
class VectorizedKernelsTest {
  /** Relative bound of the float approximations, plus an absolute floor for values near 0. */
  private static final double REL = 2e-6;
  private static final double ABS = 1e-7;
  private static final int N = 100_003;

  private static Tensor random(long seed, int... dims) {
    int n = 1;
    for (int d : dims) n *= d;
    float[] v = new float[n];
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * 3);
    return Tensor.of(v, dims);
  }

  private static Tensor[] runParallel(KernelHarness h, Tensor... in) {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      return h.kernel(in).run(in, new ExecContext(2, pool));
    } finally {
      pool.shutdown();
    }
  }

  private static void assertClose(float[] got, double[] want, String what) {
    for (int i = 0; i < want.length; i++) {
      assertThat((double) got[i]).as("%s [%d]", what, i)
          .isCloseTo(want[i], org.assertj.core.data.Offset.offset(ABS + REL * Math.abs(want[i])));
    }
  }

  private static void checkUnary(KernelHarness h, DoubleUnaryOperator f) {
    Tensor x = random(1, N);
    float[] got = runParallel(h, x)[0].floats();
    double[] want = new double[N];
    for (int i = 0; i < N; i++) want[i] = f.applyAsDouble(x.floats()[i]);
    assertClose(got, want, h.node(x).opType());
  }

  @Test
  void unaryFunctionsMatchDoubleReferences() {
    checkUnary(KernelHarness.op("Erf", 13), UnaryOp::erf);
    checkUnary(KernelHarness.op("Tanh", 13), Math::tanh);
    checkUnary(KernelHarness.op("Exp", 13), Math::exp);
    checkUnary(KernelHarness.op("Sigmoid", 13), x -> 1 / (1 + Math.exp(-x)));
    checkUnary(KernelHarness.op("Gelu", 20), x -> 0.5 * x * (1 + UnaryOp.erf(x / Math.sqrt(2))));
    checkUnary(KernelHarness.op("Gelu", 20).attr("approximate", "tanh"),
        x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
  }

  @Test
  void softmaxRowsMatchDoubleReference() {
    Tensor x = random(2, 37, 129);
    float[] got = runParallel(KernelHarness.op("Softmax", 13), x)[0].floats();
    double[] want = new double[x.size()];
    float[] v = x.floats();
    for (int r = 0; r < 37; r++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 129; i++) m = Math.max(m, v[r * 129 + i]);
      double s = 0;
      for (int i = 0; i < 129; i++) s += Math.exp(v[r * 129 + i] - m);
      for (int i = 0; i < 129; i++) want[r * 129 + i] = Math.exp(v[r * 129 + i] - m) / s;
    }
    assertClose(got, want, "Softmax");
  }

  @Test
  void softmaxAlongAnInnerAxisMatchesDoubleReference() {
    int outer = 3;
    int len = 7;
    int inner = 45;
    Tensor x = random(6, outer, len, inner);
    float[] got = runParallel(KernelHarness.op("Softmax", 13).attr(Attribute.of("axis", 1L)), x)[0].floats();
    double[] want = new double[x.size()];
    float[] v = x.floats();
    for (int q = 0; q < outer; q++) {
      for (int j = 0; j < inner; j++) {
        int b = q * len * inner + j;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) m = Math.max(m, v[b + i * inner]);
        double s = 0;
        for (int i = 0; i < len; i++) s += Math.exp(v[b + i * inner] - m);
        for (int i = 0; i < len; i++) want[b + i * inner] = Math.exp(v[b + i * inner] - m) / s;
      }
    }
    assertClose(got, want, "Softmax axis 1");
  }

  @Test
  void layerNormalizationMatchesDoubleReference() {
    int rows = 19;
    int len = 67;
    Tensor x = random(3, rows, len);
    Tensor scale = random(4, len);
    Tensor bias = random(5, len);
    Tensor[] out = runParallel(KernelHarness.op("LayerNormalization", 17).attr(Attribute.of("epsilon", 1e-5f))
        .outputs(3), x, scale, bias);
    double[] want = new double[rows * len];
    double[] mean = new double[rows];
    float[] v = x.floats();
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int i = 0; i < len; i++) s += v[r * len + i];
      double mu = s / len;
      double var = 0;
      for (int i = 0; i < len; i++) var += (v[r * len + i] - mu) * (v[r * len + i] - mu);
      double inv = 1 / Math.sqrt(var / len + 1e-5);
      for (int i = 0; i < len; i++) {
        want[r * len + i] = (v[r * len + i] - mu) * inv * scale.floats()[i] + bias.floats()[i];
      }
      mean[r] = mu;
    }
    // normalized values are O(1): an absolute bound of a few float roundings of the row's sums
    for (int i = 0; i < want.length; i++) {
      assertThat((double) out[0].floats()[i]).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5));
    }
    for (int r = 0; r < rows; r++) {
      assertThat((double) out[1].floats()[r]).isCloseTo(mean[r], org.assertj.core.data.Offset.offset(1e-5));
    }
  }
}
