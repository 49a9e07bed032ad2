package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LrnKernelTest {
  @Test
  void threeChannelsByHand() {
    // size 2 sums channels c and c+1 (floor/ceil of (size-1)/2 = 0 below, 1 above)
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 3);
    Tensor y = new LrnKernel(node("LRN", 13, 1, 1, Attribute.of("size", 2L), Attribute.of("alpha", 2f),
        Attribute.of("beta", 1f), Attribute.of("bias", 1f))).run(new Tensor[] {x}, ExecContext.singleThreaded())[0];
    assertClose(y, new double[] {1 / (1 + 5.0), 2 / (1 + 13.0), 3 / (1 + 9.0)});
  }

  @Test
  void matchesReferenceForOddSize() {
    Random r = new Random(4);
    int n = 2;
    int c = 7;
    int spatial = 6;
    float[] x = random(r, n * c * spatial);
    Tensor y = new LrnKernel(node("LRN", 13, 1, 1, Attribute.of("size", 3L)))
        .run(new Tensor[] {Tensor.of(x, n, c, 2, 3)}, PARALLEL)[0];
    double[] want = new double[x.length];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int i = 0; i < spatial; i++) {
          double ss = 0;
          for (int k = Math.max(0, ch - 1); k <= Math.min(c - 1, ch + 1); k++) {
            double v = x[(b * c + k) * spatial + i];
            ss += v * v;
          }
          int idx = (b * c + ch) * spatial + i;
          want[idx] = x[idx] / Math.pow(1 + 1e-4 / 3 * ss, 0.75);
        }
      }
    }
    assertClose(y, want);
  }
}
