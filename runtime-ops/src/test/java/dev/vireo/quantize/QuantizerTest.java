package dev.vireo.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.quantize.calibrate.CalibrationMethod;
import dev.vireo.quantize.calibrate.CalibrationSet;
import dev.vireo.tensor.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantizerTest {
  /** Cosine a well-behaved int8 model keeps on its calibration data. */
  private static final double COSINE = 0.999;

  private static List<String> opTypes(Model m) {
    return m.graph().nodes().stream().map(Node::opType).toList();
  }

  @Test
  void dynamicRewritesMatMulAndGemmIntoIntegerMatMuls() {
    Model mlp = SmallModels.mlp();
    CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(4, 16), 4, 3));
    Quantizer.Result r = new Quantizer(QuantizeOptions.dynamic(), null).quantizeAndReport(mlp, data);
    assertThat(r.quantizedNodes()).isEqualTo(2);
    assertThat(opTypes(r.model())).doesNotContain("MatMul", "Gemm")
        .contains("DynamicQuantizeLinear", "MatMulInteger", "Cast");
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(COSINE);
    assertThat(r.report().outputs().get("y").maxAbsError()).isPositive().isLessThan(0.05);
    // the float model is untouched
    assertThat(opTypes(mlp)).containsExactly("MatMul", "Add", "Relu", "Gemm");
  }

  @Test
  void dynamicPerChannelAndExclusions() {
    QuantizeOptions o = QuantizeOptions.dynamic().withPerChannel(true).withExcluded(Set.of("Gemm"), Set.of());
    Quantizer.Result r = new Quantizer(o, null).quantize(SmallModels.mlp(), null);
    assertThat(r.quantizedNodes()).isEqualTo(1);
    assertThat(opTypes(r.model())).contains("Gemm", "MatMulInteger");
    assertThat(r.model().graph().initializers()).anySatisfy(v ->
        assertThat(v.initializer().shape()).isEqualTo(Shape.of(32)));
  }

  @Test
  void staticQdqQuantizesEveryActivationAndWeight() {
    CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(2, 3, 8, 8), 8, 5));
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withPerChannel(true);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(SmallModels.cnn(), data);
    assertThat(r.quantizedNodes()).isEqualTo(4); // Conv, Relu, MaxPool, Gemm
    List<String> ops = opTypes(r.model());
    assertThat(ops).contains("Conv", "Gemm");
    // x, Conv out, Relu out, MaxPool out, Flatten out (Gemm's input), Gemm out: one Q each
    assertThat(ops.stream().filter("QuantizeLinear"::equals).count()).isEqualTo(6);
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(COSINE);
  }

  @Test
  void staticQOperatorUsesQLinearConv() {
    for (CalibrationMethod m : CalibrationMethod.values()) {
      CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(2, 3, 8, 8), 8, 5));
      QuantizeOptions o = QuantizeOptions.staticWith(m).withFormat(QuantizeOptions.Format.QOPERATOR);
      Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(SmallModels.cnn(), data);
      assertThat(opTypes(r.model())).as(m.toString()).contains("QLinearConv").doesNotContain("Conv");
      // entropy clips the sparse histograms of 8 small samples hardest
      double floor = m == CalibrationMethod.ENTROPY ? 0.95 : 0.99;
      assertThat(r.report().outputs().get("y").cosine()).as(m.toString()).isGreaterThan(floor);
    }
  }

  @Test
  void nothingToQuantizeIsAnError() {
    QuantizeOptions o = QuantizeOptions.dynamic().withExcluded(Set.of("MatMul", "Gemm"), Set.of());
    assertThatThrownBy(() -> new Quantizer(o, null).quantize(SmallModels.mlp(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("nothing to quantize");
  }
}
