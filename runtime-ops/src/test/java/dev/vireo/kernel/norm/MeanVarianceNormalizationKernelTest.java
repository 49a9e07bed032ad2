package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanVarianceNormalizationKernelTest {
  @Test
  void defaultAxesNormalizePerChannel() {
    Random r = new Random(3);
    int n = 2;
    int c = 3;
    int hw = 4;
    float[] x = random(r, n * c * hw);
    Tensor y = new MeanVarianceNormalizationKernel(node("MeanVarianceNormalization", 13, 1, 1))
        .run(new Tensor[] {Tensor.of(x, n, c, 2, 2)}, PARALLEL)[0];
    double[] want = new double[x.length];
    for (int ch = 0; ch < c; ch++) {
      double sum = 0;
      double sq = 0;
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < hw; i++) {
          double v = x[(b * c + ch) * hw + i];
          sum += v;
          sq += v * v;
        }
      }
      double mean = sum / (n * hw);
      double std = Math.sqrt(sq / (n * hw) - mean * mean);
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < hw; i++) {
          int idx = (b * c + ch) * hw + i;
          want[idx] = (x[idx] - mean) / (std + 1e-9);
        }
      }
    }
    assertClose(y, want);
  }

  @Test
  void lastAxisByHand() {
    // rows (1, 3) and (2, 6): means 2 and 4, standard deviations 1 and 2
    Tensor y = new MeanVarianceNormalizationKernel(node("MeanVarianceNormalization", 13, 1, 1,
        Attribute.ints("axes", -1)))
        .run(new Tensor[] {Tensor.of(new float[] {1, 3, 2, 6}, 2, 2)}, PARALLEL)[0];
    assertClose(y, new double[] {-1, 1, -1, 1});
  }
}
