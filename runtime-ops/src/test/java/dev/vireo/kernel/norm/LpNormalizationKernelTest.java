package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LpNormalizationKernelTest {
  private static final ExecContext CTX = ExecContext.singleThreaded();

  @Test
  void l2AndL1AlongLastAxisWithZeroRow() {
    Tensor x = Tensor.of(new float[] {3, -4, 0, 0}, 2, 2);
    assertClose(new LpNormalizationKernel(node("LpNormalization", 22, 1, 1)).run(new Tensor[] {x}, CTX)[0],
        new double[] {0.6, -0.8, 0, 0});
    assertClose(new LpNormalizationKernel(node("LpNormalization", 22, 1, 1, Attribute.of("p", 1L)))
        .run(new Tensor[] {x}, CTX)[0], new double[] {3 / 7.0, -4 / 7.0, 0, 0});
  }

  @Test
  void middleAxis() {
    // shape (1, 2, 2): normalize over axis 1, i.e. pairs (x[0], x[2]) and (x[1], x[3])
    Tensor x = Tensor.of(new float[] {6, 1, 8, 0}, 1, 2, 2);
    assertClose(new LpNormalizationKernel(node("LpNormalization", 1, 1, 1, Attribute.of("axis", 1L)))
        .run(new Tensor[] {x}, CTX)[0], new double[] {0.6, 1, 0.8, 0});
  }
}
