package dev.vireo.kernel.loss;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LossKernelsTest {
  private static final float CLOSE = 1e-5f;
  /** The spec's NegativeLogLikelihoodLoss example: N, C, d1 = 2, 3, 2. */
  private static final Tensor INPUT = Tensor.of(new float[] {1, 2, 2, 2, 3, 2, 0, 1, 2, 2, 1, 2}, 2, 3, 2);
  private static final Tensor TARGET = Tensor.of(new long[] {2, 1, 0, 2}, 2, 2);
  private static final Tensor WEIGHT = Tensor.of(new float[] {0.2f, 0.3f, 0.1f}, 3);

  @Test
  void nllNoneReduction() {
    Tensor y = run(node("NegativeLogLikelihoodLoss", 13, 2, 1, Attribute.of("reduction", "none")), INPUT, TARGET)[0];
    assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y.floats()).containsExactly(-3, -2, -0f, -2);
  }

  @Test
  void nllWeightedSumAndMean() {
    Tensor sum = run(node("NegativeLogLikelihoodLoss", 13, 3, 1, Attribute.of("reduction", "sum")),
        INPUT, TARGET, WEIGHT)[0];
    assertThat(sum.shape()).isEqualTo(Shape.SCALAR);
    assertThat(sum.floats()[0]).isCloseTo(-1.1f, within(CLOSE));
    Tensor mean = run(node("NegativeLogLikelihoodLoss", 22, 3, 1), INPUT, TARGET, WEIGHT)[0];
    assertThat(mean.floats()[0]).isCloseTo(-1.1f / 0.7f, within(CLOSE)); // the spec prints -1.57
  }

  @Test
  void nllIgnoreIndexDropsSamplesFromTheMean() {
    Tensor t = Tensor.of(new long[] {2, 1, -1, 2}, 2, 2);
    Tensor y = run(node("NegativeLogLikelihoodLoss", 13, 2, 1, Attribute.of("ignore_index", -1L)), INPUT, t)[0];
    assertThat(y.floats()[0]).isCloseTo((-3 - 2 - 2) / 3f, within(CLOSE));
  }

  @Test
  void nllRejectsTargetsOutsideTheClasses() {
    Tensor t = Tensor.of(new long[] {2, 3, 0, 2}, 2, 2);
    assertThatThrownBy(() -> run(node("NegativeLogLikelihoodLoss", 13, 2, 1), INPUT, t))
        .hasMessageContaining("target value 3 at 1 is outside [0, 3)");
    assertThatThrownBy(() -> run(node("NegativeLogLikelihoodLoss", 13, 2, 1), INPUT, Tensor.of(new long[] {0, 1}, 2)))
        .hasMessageContaining("must have shape [2, 2]");
  }

  @Test
  void softmaxCrossEntropyWithLogProb() {
    Tensor scores = Tensor.of(new float[] {0, 0, 1, 2}, 2, 2);
    Tensor labels = Tensor.of(new int[] {1, 0}, 2);
    Tensor[] y = run(node("SoftmaxCrossEntropyLoss", 13, 2, 2, Attribute.of("reduction", "none")), scores, labels);
    double l1 = Math.log(Math.exp(1) + Math.exp(2));
    assertThat(y[0].floats()[0]).isCloseTo((float) Math.log(2), within(CLOSE));
    assertThat(y[0].floats()[1]).isCloseTo((float) (l1 - 1), within(CLOSE));
    assertThat(y[1].shape()).isEqualTo(Shape.of(2, 2));
    assertThat(y[1].floats()[3]).isCloseTo((float) (2 - l1), within(CLOSE));
    Tensor mean = run(node("SoftmaxCrossEntropyLoss", 12, 2, 1), scores, labels)[0];
    assertThat(mean.floats()[0]).isCloseTo((float) ((Math.log(2) + l1 - 1) / 2), within(CLOSE));
  }

  @Test
  void softmaxCrossEntropyOver3dScoresAlongTheClassAxis() {
    // N=1, C=2, d=2: classes are read with stride d
    Tensor scores = Tensor.of(new double[] {0, 5, 0, 5}, 1, 2, 2);
    Tensor labels = Tensor.of(new long[] {0, 1}, 1, 2);
    Tensor y = run(node("SoftmaxCrossEntropyLoss", 13, 2, 1, Attribute.of("reduction", "sum")), scores, labels)[0];
    assertThat(y.doubles()[0]).isCloseTo(2 * Math.log(2), within(1e-12));
  }
}
