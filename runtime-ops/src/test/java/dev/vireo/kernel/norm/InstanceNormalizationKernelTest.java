package dev.vireo.kernel.norm;

import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InstanceNormalizationKernelTest {
  @Test
  void eachChannelOnItsOwnByHand() {
    // channel 0 = (1, 3): mean 2, std 1; channel 1 = (10, 10): variance 0, so the output is B
    Tensor x = Tensor.of(new float[] {1, 3, 10, 10}, 1, 2, 2);
    Tensor y = new InstanceNormalizationKernel(node("InstanceNormalization", 6, 3, 1, Attribute.of("epsilon", 0.25f)))
        .run(new Tensor[] {x, Tensor.of(new float[] {2, 5}, 2), Tensor.of(new float[] {1, -1}, 2)},
            ExecContext.singleThreaded())[0];
    double s = Math.sqrt(1.25);
    assertClose(y, new double[] {1 - 2 / s, 1 + 2 / s, -1, -1});
  }
}
