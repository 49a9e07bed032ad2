package dev.vireo.kernel.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.kernel.Tensors;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmKernelTest {
  @ParameterizedTest(name = "transA={0} transB={1} C={2}")
  @CsvSource({
      "0, 0, 1x6", "1, 0, 5x1", "0, 1, 5x6", "1, 1, 6", "0, 1, scalar", "1, 0, none",
  })
  void matchesNaive(int ta, int tb, String cShape) {
    int m = 5;
    int n = 6;
    int k = 7;
    Random r = new Random(ta * 2 + tb + cShape.hashCode());
    Tensor a = ta == 1 ? Tensors.random(r, k, m) : Tensors.random(r, m, k);
    Tensor b = tb == 1 ? Tensors.random(r, n, k) : Tensors.random(r, k, n);
    Tensor c = switch (cShape) {
      case "none" -> null;
      case "scalar" -> Tensor.scalar(0.5f);
      case "6" -> Tensors.random(r, 6);
      default -> Tensors.random(r, Integer.parseInt(cShape.split("x")[0]), Integer.parseInt(cShape.split("x")[1]));
    };
    float alpha = 0.5f;
    float beta = 2f;
    Tensor y = KernelHarness.op("Gemm", 13).attr("transA", (long) ta).attr("transB", (long) tb)
        .attr("alpha", alpha).attr("beta", beta).run1(a, b, c);
    assertThat(y.shape()).isEqualTo(Shape.of(m, n));
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          float av = ta == 1 ? a.floats()[p * m + i] : a.floats()[i * k + p];
          float bv = tb == 1 ? b.floats()[j * k + p] : b.floats()[p * n + j];
          s += av * bv;
        }
        double cv = c == null ? 0 : c.size() == 1 ? c.floats()[0]
            : c.rank() == 1 ? c.floats()[j]
            : c.floats()[(c.shape().dim(0) == 1 ? 0 : i) * c.shape().dim(1) + (c.shape().dim(1) == 1 ? 0 : j)];
        assertThat(y.floats()[i * n + j]).isCloseTo((float) (alpha * s + beta * cv), within(Tensors.CLOSE));
      }
    }
  }

  @Test
  void cIsRequiredBeforeOpset11() {
    Tensor a = Tensor.of(new float[] {1}, 1, 1);
    assertThatThrownBy(() -> KernelHarness.op("Gemm", 9).run1(a, a, null))
        .hasMessageContaining("needs input C");
    assertThat(KernelHarness.op("Gemm", 11).run1(a, a, null).floats()).containsExactly(1f);
  }

  @Test
  void cThatDoesNotBroadcastIsRejected() {
    Tensor a = Tensor.of(new float[4], 2, 2);
    Tensor c = Tensor.of(new float[3], 3);
    assertThatThrownBy(() -> KernelHarness.op("Gemm", 13).run1(a, a, c))
        .hasMessageContaining("C f32[3] does not broadcast to [2,2]");
  }

  @Test
  void innerMismatchNamesShapes() {
    Tensor a = Tensor.of(new float[6], 2, 3);
    Tensor b = Tensor.of(new float[6], 2, 3);
    assertThatThrownBy(() -> KernelHarness.op("Gemm", 13).run1(a, b))
        .hasMessage("inner dimensions differ: A f32[2,3] x B f32[2,3]");
  }

  @ParameterizedTest(name = "transA={0} transB={1} {2}x{3}x{4}")
  @CsvSource({"0, 0, 9, 300, 70", "1, 1, 9, 300, 70", "0, 1, 130, 70, 300", "1, 0, 1, 5, 1"})
  void constantWeightIsPackedOnceAndMatchesReference(int ta, int tb, int m, int k, int n) {
    Random r = new Random(m * 7 + k + n + ta + 2 * tb);
    Tensor a = ta == 1 ? Tensors.random(r, k, m) : Tensors.random(r, m, k);
    Tensor b = tb == 1 ? Tensors.random(r, n, k) : Tensors.random(r, k, n);
    Tensor c = Tensors.random(r, n);
    KernelHarness h = KernelHarness.op("Gemm", 13).attr("transA", (long) ta).attr("transB", (long) tb)
        .attr("alpha", 0.5f).attr("beta", 2f);
    Node node = h.node(a, b, c);
    node.input(1).setInitializer(b);
    GemmKernel kernel = new GemmKernel(node);
    Tensor y = kernel.run(new Tensor[] {a, b, c}, ExecContext.singleThreaded())[0];
    assertClose(y, a, b, c, ta == 1, tb == 1, 0.5f, 2f);
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      Tensor yp = kernel.run(new Tensor[] {a, b, c}, new ExecContext(2, pool))[0];
      assertThat(yp.floats()).containsExactly(y.floats());
    } finally {
      pool.shutdown();
    }
    // a B fed in place of the initializer is multiplied as given
    Tensor other = tb == 1 ? Tensors.random(r, n, k) : Tensors.random(r, k, n);
    assertClose(kernel.run(new Tensor[] {a, other, c}, ExecContext.singleThreaded())[0], a, other, c,
        ta == 1, tb == 1, 0.5f, 2f);
  }

  private static void assertClose(Tensor y, Tensor a, Tensor b, Tensor c, boolean ta, boolean tb,
      float alpha, float beta) {
    int m = y.shape().dim(0);
    int n = y.shape().dim(1);
    int k = ta ? a.shape().dim(0) : a.shape().dim(1);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          float av = ta ? a.floats()[p * m + i] : a.floats()[i * k + p];
          float bv = tb ? b.floats()[j * k + p] : b.floats()[p * n + j];
          s += av * bv;
        }
        assertThat(y.floats()[i * n + j]).as("y[%d,%d]", i, j)
            .isCloseTo((float) (alpha * s + beta * c.floats()[j]), within(Tensors.CLOSE * 10));
      }
    }
  }
}
