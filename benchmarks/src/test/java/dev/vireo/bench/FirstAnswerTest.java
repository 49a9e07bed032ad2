package dev.vireo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstAnswerTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(FirstAnswer.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(FirstAnswer.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void sectionShowsMediansBestAndRatio() {
    String md = FirstAnswer.render("m.onnx", "./vireo run m.onnx", new double[] {2.0, 1.5, 3.0},
        new double[] {1.0, 1.2, 0.9});
    assertThat(md).startsWith("## Time to first answer\n")
        .contains("`./vireo run m.onnx`", "| vireo | 2.00 | 1.50 |", "| onnxruntime | 1.00 | 0.90 |",
            "vireo / onnxruntime (medians): 2.00×");
  }
}
