package dev.vireo.kernel.detect;

import static dev.vireo.kernel.NodeRunner.node;
import static dev.vireo.kernel.NodeRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionKernelTest {
  /** The spec's six boxes: three overlapping near the origin, two near y=10, one at y=100. */
  private static final float[] BOXES = {
      0, 0, 1, 1, 0, 0.1f, 1, 1.1f, 0, -0.1f, 1, 0.9f, 0, 10, 1, 11, 0, 10.1f, 1, 11.1f, 0, 100, 1, 101};
  private static final float[] SCORES = {0.9f, 0.75f, 0.6f, 0.95f, 0.5f, 0.3f};

  private static Tensor nms(Tensor boxes, Tensor scores, long max, float iou, Float score, Attribute... attrs) {
    Tensor st = score == null ? null : Tensor.of(new float[] {score}, 1);
    return run(node("NonMaxSuppression", 11, 5, 1, attrs), boxes, scores, Tensor.of(new long[] {max}, 1),
        Tensor.of(new float[] {iou}, 1), st)[0];
  }

  @Test
  void suppressByIouAndScore() {
    Tensor b = Tensor.of(BOXES, 1, 6, 4);
    Tensor s = Tensor.of(SCORES, 1, 1, 6);
    assertThat(nms(b, s, 3, 0.5f, 0f).longs()).containsExactly(0, 0, 3, 0, 0, 0, 0, 0, 5);
    assertThat(nms(b, s, 3, 0.5f, 0.4f).longs()).containsExactly(0, 0, 3, 0, 0, 0);
    Tensor limited = nms(b, s, 2, 0.5f, null);
    assertThat(limited.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(limited.longs()).containsExactly(0, 0, 3, 0, 0, 0);
  }

  @Test
  void centerPointBoxes() {
    float[] c = {0.5f, 0.5f, 1, 1, 0.6f, 0.5f, 1, 1, 0.4f, 0.5f, 1, 1, 10.5f, 0.5f, 1, 1, 10.6f, 0.5f, 1, 1,
        100.5f, 0.5f, 1, 1};
    Tensor y = nms(Tensor.of(c, 1, 6, 4), Tensor.of(SCORES, 1, 1, 6), 3, 0.5f, 0f,
        Attribute.of("center_point_box", 1L));
    assertThat(y.longs()).containsExactly(0, 0, 3, 0, 0, 0, 0, 0, 5);
  }

  @Test
  void classesAndBatchesInOrder() {
    float[] boxes2 = new float[48];
    System.arraycopy(BOXES, 0, boxes2, 0, 24);
    System.arraycopy(BOXES, 0, boxes2, 24, 24);
    float[] scores2 = new float[12];
    System.arraycopy(SCORES, 0, scores2, 0, 6);
    System.arraycopy(SCORES, 0, scores2, 6, 6);
    Tensor twoBatches = nms(Tensor.of(boxes2, 2, 6, 4), Tensor.of(scores2, 2, 1, 6), 2, 0.5f, 0f);
    assertThat(twoBatches.longs()).containsExactly(0, 0, 3, 0, 0, 0, 1, 0, 3, 1, 0, 0);
    Tensor twoClasses = nms(Tensor.of(BOXES, 1, 6, 4), Tensor.of(scores2, 1, 2, 6), 2, 0.5f, 0f);
    assertThat(twoClasses.longs()).containsExactly(0, 0, 3, 0, 0, 0, 0, 1, 3, 0, 1, 0);
  }

  @Test
  void iouEqualToTheThresholdKeepsTheBoxAndTiesPickTheLowerIndex() {
    // two unit boxes overlapping by half: IoU 1/3
    Tensor b = Tensor.of(new float[] {0, 0, 1, 1, 0, 0.5f, 1, 1.5f}, 1, 2, 4);
    Tensor s = Tensor.of(new float[] {0.5f, 0.5f}, 1, 1, 2);
    assertThat(nms(b, s, 5, 1f / 3, null).longs()).containsExactly(0, 0, 0, 0, 0, 1);
    assertThat(nms(b, s, 5, 0.3f, null).longs()).containsExactly(0, 0, 0);
  }

  @Test
  void omittedMaxOutputSelectsNothing() {
    Tensor y = run(node("NonMaxSuppression", 10, 2, 1), Tensor.of(BOXES, 1, 6, 4), Tensor.of(SCORES, 1, 1, 6))[0];
    assertThat(y.shape()).isEqualTo(Shape.of(0, 3));
  }

  @Test
  void rejectsMismatchedShapes() {
    assertThatThrownBy(() -> nms(Tensor.of(BOXES, 1, 6, 4), Tensor.of(SCORES, 1, 2, 3), 1, 0, null))
        .hasMessageContaining("boxes [B, N, 4] and scores [B, C, N]");
  }
}
