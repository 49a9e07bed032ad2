package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static dev.vireo.kernel.KernelTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RmsNormalizationKernelTest {
  @Test
  void lastAxisByHand() {
    // rms of (3, 4) = sqrt(12.5)
    Tensor x = Tensor.of(new float[] {3, 4}, 1, 2);
    Tensor scale = Tensor.of(new float[] {2, 1}, 2);
    Tensor y = new RmsNormalizationKernel(node("RMSNormalization", 23, 2, 1, Attribute.of("epsilon", 0f)))
        .run(new Tensor[] {x, scale}, ExecContext.singleThreaded())[0];
    double rms = Math.sqrt(12.5);
    assertClose(y, new double[] {6 / rms, 4 / rms});
  }

  @Test
  void everyAxisAgainstReference() {
    int[] dims = {2, 3, 4, 5};
    for (int axis = -4; axis < 4; axis++) {
      Random r = new Random(axis + 10);
      float[] x = random(r, 120);
      int a = axis < 0 ? axis + 4 : axis;
      int len = Shape.of(dims).sizeBetween(a, 4);
      float[] s = random(r, len);
      int[] sd = java.util.Arrays.copyOfRange(dims, a, 4);
      Tensor y = new RmsNormalizationKernel(node("RMSNormalization", 23, 2, 1,
          Attribute.of("axis", (long) axis), Attribute.of("epsilon", 1e-3f)))
          .run(new Tensor[] {Tensor.of(x, dims), Tensor.of(s, sd)}, PARALLEL)[0];
      double[] want = new double[120];
      for (int row = 0; row < 120 / len; row++) {
        double ss = 0;
        for (int i = 0; i < len; i++) {
          ss += (double) x[row * len + i] * x[row * len + i];
        }
        for (int i = 0; i < len; i++) {
          want[row * len + i] = x[row * len + i] / Math.sqrt(ss / len + 1e-3) * s[i];
        }
      }
      assertClose(y, want);
    }
  }

  @Test
  void broadcastScaleAndDoubleType() {
    double[] x = {1, -2, 3, -4, 5, -6};
    Tensor y = new RmsNormalizationKernel(node("RMSNormalization", 23, 2, 1, Attribute.of("axis", 1L)))
        .run(new Tensor[] {Tensor.of(x, 2, 3), Tensor.of(new double[] {0.5}, 1)}, PARALLEL)[0];
    assertThat(y.dtype()).isEqualTo(DType.DOUBLE);
    double r0 = Math.sqrt(14 / 3.0 + 1e-5);
    double r1 = Math.sqrt(77 / 3.0 + 1e-5);
    assertClose(y, new double[] {0.5 / r0, -1 / r0, 1.5 / r0, -2 / r1, 2.5 / r1, -3 / r1}, 1e-12);
  }
}
