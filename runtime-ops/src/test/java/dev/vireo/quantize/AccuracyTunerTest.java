package dev.vireo.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.quantize.calibrate.CalibrationMethod;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccuracyTunerTest {
  /**
   * x f32[N,8] → MatMul_0 → MatMul_1 → MatMul_2 → y f32[N,4], well-behaved weights except
   * MatMul_1's: in every output column one weight of 100 sits on input feature 0, which MatMul_0
   * makes exactly 0 (its weight column 0 is zero), beside weights of about ±0.3 on the other
   * features. Per-column int8 scales are then 100/127, every small weight rounds to 0 and
   * MatMul_1's quantized output is 0: only MatMul_1 must stay float.
   */
  private static Model chainWithOneSensitiveLayer() {
    SplittableRandom r = new SplittableRandom(7);
    GraphBuilder b = new GraphBuilder("chain", 17);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(8));
    float[] w0 = SmallModels.uniform(r, Shape.of(8, 8), -0.5f, 0.5f).floats().clone();
    for (int i = 0; i < 8; i++) {
      w0[i * 8] = 0; // feature 0 of MatMul_1's input is always 0
    }
    float[] w1 = SmallModels.uniform(r, Shape.of(8, 8), -0.3f, 0.3f).floats().clone();
    for (int j = 0; j < 8; j++) {
      w1[j] = 100;
    }
    Value h = b.op("MatMul", x, b.constant("w0", Tensor.wrap(DType.FLOAT, Shape.of(8, 8), w0)));
    h = b.op("MatMul", h, b.constant("w1", Tensor.wrap(DType.FLOAT, Shape.of(8, 8), w1)));
    h = b.named("y", "MatMul", List.of(), h, b.constant("w2", SmallModels.uniform(r, Shape.of(8, 4), -0.5f, 0.5f)));
    b.output(h);
    return b.build();
  }

  private static CalibrationSet data() {
    return CalibrationSet.of(SmallModels.samples("x", Shape.of(4, 8), 8, 11));
  }

  private static Node node(Model m, String name) {
    return m.graph().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
  }

  @Test
  void fullyQuantizedChainLosesTheOutput() {
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(chainWithOneSensitiveLayer(), data());
    assertThat(r.quantizedNodes()).isEqualTo(3);
    assertThat(r.floatNodes()).isEmpty();
    assertThat(r.report().outputs().get("y").cosine()).isLessThan(0.5);
  }

  @Test
  void theSensitiveLayerAloneFallsBackToFloat() {
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withAccuracyTarget(0.99);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(chainWithOneSensitiveLayer(), data());
    assertThat(r.floatNodes()).containsExactly("MatMul_1");
    assertThat(r.quantizedNodes()).isEqualTo(2);
    // MatMul_1 reads its float weight; the others read dequantized int8 weights
    assertThat(node(r.model(), "MatMul_1").input(1).initializer()).isNotNull();
    assertThat(node(r.model(), "MatMul_0").input(1).producer().opType()).isEqualTo("DequantizeLinear");
    assertThat(node(r.model(), "MatMul_2").input(1).producer().opType()).isEqualTo("DequantizeLinear");
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(0.99);
    assertThat(r.report().outputs().get("y").top1Agreement()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void aTargetMetByFullQuantizationLeavesNothingInFloat() {
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withAccuracyTarget(0.9);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(SmallModels.cnn(),
        CalibrationSet.of(SmallModels.samples("x", Shape.of(2, 3, 8, 8), 8, 5)));
    assertThat(r.floatNodes()).isEmpty();
    assertThat(r.quantizedNodes()).isEqualTo(4);
  }

  @Test
  void agreementIsTheWorstOfCenteredCosineAndTopOne() {
    Tensor a1 = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 0, 10, 2});
    Tensor a2 = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 4, 10, 6});
    // the same top-1 columns; per-column means 10, 3: centered want (0,-3),(0,-1),(0,1),(0,3)
    Tensor b1 = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 0, 10, 2});
    Tensor b2 = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 4, 10, 8});
    // centered got (0,-3),(0,-1),(0,1),(0,5): dot 9+1+1+15 = 26, |want|² 20, |got|² 36
    double cosine = 26 / Math.sqrt(20.0 * 36);
    assertThat(AccuracyTuner.agreement(List.of(Map.of("y", a1), Map.of("y", a2)),
        List.of(Map.of("y", b1), Map.of("y", b2)))).isCloseTo(cosine, within(1e-9));
    // a row with a small margin flips its top-1 class: top-1 0.75 is below the cosine (0.987)
    Tensor close = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 9, 10, 2});
    Tensor flipped = Tensor.wrap(DType.FLOAT, Shape.of(2, 2), new float[] {10, 10.5f, 10, 2});
    assertThat(AccuracyTuner.agreement(List.of(Map.of("y", close), Map.of("y", a2)),
        List.of(Map.of("y", flipped), Map.of("y", a2)))).isEqualTo(0.75);
  }

  @Test
  void accuracyTargetOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withAccuracyTarget(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accuracy target");
  }
}
