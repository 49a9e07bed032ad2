package dev.vireo.kernel.shape;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTrainingTest {
  private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
  private static final Tensor TRAINING = Tensor.of(new boolean[] {true});

  @Test
  void zeroRatioInTrainingKeepsEverything() {
    Tensor[] y = run(node("Dropout", 13, 3, 2), X, Tensor.scalar(0f), TRAINING);
    assertThat(y[0].floats()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(y[1].booleans()).containsOnly(true);
  }

  @Test
  void seededDropoutScalesKeptElementsAndRepeats() {
    var n = node("Dropout", 13, 3, 2, Attribute.of("seed", 7L));
    Tensor[] y = run(n, X, Tensor.scalar(0.5f), TRAINING);
    for (int i = 0; i < 8; i++) {
      assertThat(y[0].floats()[i]).isEqualTo(y[1].booleans()[i] ? 2 * (i + 1) : 0);
    }
    assertThat(run(n, X, Tensor.scalar(0.5f), TRAINING)[1].booleans()).containsExactly(y[1].booleans());
  }
}
