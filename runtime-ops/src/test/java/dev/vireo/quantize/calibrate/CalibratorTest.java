package dev.vireo.quantize.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibratorTest {
  @Test
  void minMaxOfInputsAndIntermediatesOverAllSamples() {
    GraphBuilder b = new GraphBuilder("relu", 17);
    Value x = b.input("x", DType.FLOAT, 3);
    Value r = b.named("r", "Relu", List.of(), x);
    b.output(b.named("y", "Neg", List.of(), r));
    Model m = b.build();
    CalibrationSet s = CalibrationSet.of(List.of(
        Map.of("x", Tensor.of(new float[] {-1f, 2f, 0.5f}, 3)),
        Map.of("x", Tensor.of(new float[] {3f, -4f, 1f}, 3))));
    Map<String, Range> ranges = new Calibrator(CalibrationMethod.MINMAX, 100, 1, null)
        .calibrate(m, List.of("x", "r"), s);
    assertThat(ranges).containsEntry("x", new Range(-4f, 3f)).containsEntry("r", new Range(0f, 3f));
    assertThat(m.graph().outputs()).hasSize(1); // the model itself is not changed
  }

  @Test
  void percentileClipsTheTail() {
    GraphBuilder b = new GraphBuilder("id", 17);
    Value x = b.input("x", DType.FLOAT, 1000);
    b.output(b.named("y", "Relu", List.of(), x));
    float[] v = new float[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / 1000f;
    }
    v[999] = 100f;
    Map<String, Range> ranges = new Calibrator(CalibrationMethod.PERCENTILE, 99, 1, null)
        .calibrate(b.build(), List.of("y"), CalibrationSet.of(List.of(Map.of("x", Tensor.of(v, 1000)))));
    // 99% of |y| lies below 1.0, far under the outlier 100
    assertThat(ranges.get("y").max()).isLessThan(1.1f).isGreaterThan(0.95f);
    assertThat(ranges.get("y").min()).isZero();
  }
}
