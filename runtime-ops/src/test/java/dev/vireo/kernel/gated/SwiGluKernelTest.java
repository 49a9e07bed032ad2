package dev.vireo.kernel.gated;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SwiGluKernelTest {
  @Test
  void defaultAlphaByHand() {
    Tensor a = Tensor.of(new float[] {0, 2, -1}, 3);
    Tensor b = Tensor.of(new float[] {5, 3, 2}, 3);
    // 2 * sigmoid(2) * 3 = 6 * 0.8807971; -1 * sigmoid(-1) * 2 = -2 * 0.2689414
    assertClose(new SwiGluKernel(node("SwiGLU", 28, 2, 1)).run(new Tensor[] {a, b}, PARALLEL)[0],
        new double[] {0, 5.2847824, -0.5378828});
  }

  @Test
  void alphaScalesTheSigmoidOnly() {
    Tensor a = Tensor.of(new double[] {1, -2}, 2);
    Tensor b = Tensor.of(new double[] {1, 1}, 2);
    // alpha 2: 1 * sigmoid(2) = 0.8807971; -2 * sigmoid(-4) = -2 * 0.0179862
    Tensor y = new SwiGluKernel(node("SwiGLU", 28, 2, 1, Attribute.of("alpha", 2.0f)))
        .run(new Tensor[] {a, b}, ExecContext.singleThreaded())[0];
    assertThat(y.doubles()).containsExactly(new double[] {0.8807971, -0.0359724},
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void rejectsDifferentShapes() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {1}, 1);
    assertThatThrownBy(() -> new SwiGluKernel(node("SwiGLU", 28, 2, 1))
        .run(new Tensor[] {a, b}, PARALLEL)).hasMessageContaining("identical shapes");
  }
}
