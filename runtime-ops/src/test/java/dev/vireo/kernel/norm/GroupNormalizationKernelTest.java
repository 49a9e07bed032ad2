package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupNormalizationKernelTest {
  private static final Attribute ONE_GROUP = Attribute.of("num_groups", 1L);
  private static final Attribute NO_EPS = Attribute.of("epsilon", 0f);

  @Test
  void opset18ScalesPerGroupAndOpset21PerChannel() {
    // one group over (1, 2, 3, 4): mean 2.5, variance 1.25
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2);
    double s = Math.sqrt(1.25);
    double[] norm = {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s};
    Tensor y18 = new GroupNormalizationKernel(node("GroupNormalization", 18, 3, 1, ONE_GROUP, NO_EPS), false)
        .run(new Tensor[] {x, Tensor.of(new float[] {2}, 1), Tensor.of(new float[] {1}, 1)},
            ExecContext.singleThreaded())[0];
    assertClose(y18, new double[] {2 * norm[0] + 1, 2 * norm[1] + 1, 2 * norm[2] + 1, 2 * norm[3] + 1});
    Tensor y21 = new GroupNormalizationKernel(node("GroupNormalization", 21, 3, 1, ONE_GROUP, NO_EPS), true)
        .run(new Tensor[] {x, Tensor.of(new float[] {2, 3}, 2), Tensor.of(new float[] {1, 0}, 2)},
            ExecContext.singleThreaded())[0];
    assertClose(y21, new double[] {2 * norm[0] + 1, 2 * norm[1] + 1, 3 * norm[2], 3 * norm[3]});
  }

  @Test
  void matchesReferenceForBothVersions() {
    int n = 2;
    int c = 6;
    int spatial = 10;
    int groups = 3;
    for (boolean perChannel : new boolean[] {false, true}) {
      Random r = new Random(perChannel ? 1 : 2);
      float[] x = random(r, n * c * spatial);
      int params = perChannel ? c : groups;
      float[] scale = random(r, params);
      float[] bias = random(r, params);
      Tensor y = new GroupNormalizationKernel(node("GroupNormalization", perChannel ? 21 : 18, 3, 1,
          Attribute.of("num_groups", (long) groups)), perChannel)
          .run(new Tensor[] {Tensor.of(x, n, c, 2, 5), Tensor.of(scale, params), Tensor.of(bias, params)},
              PARALLEL)[0];
      double[] want = new double[x.length];
      int per = c / groups;
      for (int b = 0; b < n; b++) {
        for (int g = 0; g < groups; g++) {
          double sum = 0;
          double sq = 0;
          for (int ch = g * per; ch < (g + 1) * per; ch++) {
            for (int i = 0; i < spatial; i++) {
              sum += x[(b * c + ch) * spatial + i];
            }
          }
          double mean = sum / (per * spatial);
          for (int ch = g * per; ch < (g + 1) * per; ch++) {
            for (int i = 0; i < spatial; i++) {
              double d = x[(b * c + ch) * spatial + i] - mean;
              sq += d * d;
            }
          }
          double std = Math.sqrt(sq / (per * spatial) + 1e-5);
          for (int ch = g * per; ch < (g + 1) * per; ch++) {
            int p = perChannel ? ch : g;
            for (int i = 0; i < spatial; i++) {
              int idx = (b * c + ch) * spatial + i;
              want[idx] = (x[idx] - mean) / std * scale[p] + bias[p];
            }
          }
        }
      }
      assertClose(y, want);
    }
  }

  @Test
  void rejectsParametersOfTheOtherVersion() {
    Tensor x = Tensor.of(new float[8], 1, 4, 2);
    Tensor perGroup = Tensor.of(new float[2], 2);
    assertThatThrownBy(() -> new GroupNormalizationKernel(
        node("GroupNormalization", 21, 3, 1, Attribute.of("num_groups", 2L)), true)
        .run(new Tensor[] {x, perGroup, perGroup}, ExecContext.singleThreaded()))
        .hasMessageContaining("scale must have shape [4]");
  }
}
