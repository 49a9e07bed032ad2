package dev.vireo.kernel.stateful;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CausalConvWithStateKernelTest {
  // channel 0: input 1 2 3, weight 1 1 1; channel 1: input 1 0 0, weight 0 0 2
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 1, 0, 0}, 1, 2, 3);
  private static final Tensor W = Tensor.of(new float[] {1, 1, 1, 0, 0, 2}, 2, 1, 3);

  @Test
  void zeroPaddingWithoutPastState() {
    Tensor[] out = new CausalConvWithStateKernel(node("CausalConvWithState", 27, new boolean[] {true, true}, 2))
        .run(new Tensor[] {X, W}, PARALLEL);
    // channel 0 padded 0 0 1 2 3 -> running sums of three; channel 1 padded 0 0 1 0 0 -> 2 * current
    assertClose(out[0], new double[] {1, 3, 6, 2, 0, 0});
    assertThat(out[1].shape()).isEqualTo(Shape.of(1, 2, 2));
    assertClose(out[1], new double[] {2, 3, 0, 0});
  }

  @Test
  void pastStateAndBias() {
    Tensor bias = Tensor.of(new float[] {10, -1}, 2);
    Tensor past = Tensor.of(new float[] {5, 7, 1, 1}, 1, 2, 2);
    Tensor[] out = new CausalConvWithStateKernel(node("CausalConvWithState", 27, 4, 2))
        .run(new Tensor[] {X, W, bias, past}, PARALLEL);
    // channel 0 padded 5 7 1 2 3: 13 10 6, plus 10; channel 1 padded 1 1 1 0 0: 2 0 0, minus 1
    assertClose(out[0], new double[] {23, 20, 16, 1, -1, -1});
    assertClose(out[1], new double[] {2, 3, 0, 0});
  }

  @Test
  void inputShorterThanCarryKeepsPartOfThePastState() {
    Tensor x = Tensor.of(new float[] {1}, 1, 1, 1);
    Tensor w = Tensor.of(new float[] {1, 1, 1}, 1, 1, 3);
    Tensor past = Tensor.of(new float[] {5, 7}, 1, 1, 2);
    Tensor[] out = new CausalConvWithStateKernel(node("CausalConvWithState", 27, new boolean[] {true, true, false, true}, 2))
        .run(new Tensor[] {x, w, null, past}, ExecContext.singleThreaded());
    assertClose(out[0], new double[] {13});
    assertClose(out[1], new double[] {7, 1});
  }

  @Test
  void siluAndSwishAreTheSameActivation() {
    Tensor x = Tensor.of(new float[] {1, -1}, 1, 1, 2);
    Tensor w = Tensor.of(new float[] {1}, 1, 1, 1);
    for (String act : new String[] {"silu", "swish"}) {
      Tensor[] out = new CausalConvWithStateKernel(node("CausalConvWithState", 27, 2, 2, Attribute.of("activation", act)))
          .run(new Tensor[] {x, w}, PARALLEL);
      // x * sigmoid(x): sigmoid(1) = 0.7310586
      assertClose(out[0], new double[] {0.7310586, -0.2689414});
      assertThat(out[1].shape()).isEqualTo(Shape.of(1, 1, 0));
    }
  }

  @Test
  void rejectsUnknownActivationAndBadPastState() {
    assertThatThrownBy(() -> new CausalConvWithStateKernel(node("CausalConvWithState", 27, 2, 2,
        Attribute.of("activation", "relu")))).hasMessageContaining("relu");
    Tensor past = Tensor.of(new float[] {5, 7}, 1, 1, 2);
    assertThatThrownBy(() -> new CausalConvWithStateKernel(node("CausalConvWithState", 27, 4, 2))
        .run(new Tensor[] {X, W, null, past}, PARALLEL)).hasMessageContaining("past_state");
  }
}
