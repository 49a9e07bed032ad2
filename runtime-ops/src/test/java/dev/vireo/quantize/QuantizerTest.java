package dev.vireo.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.Map;

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
    QuantizeOptions perTensor = QuantizeOptions.dynamic().withActivations(QuantizeOptions.Activations.PER_TENSOR);
    Quantizer.Result r = new Quantizer(perTensor, null).quantizeAndReport(mlp, data);
    assertThat(r.quantizedNodes()).isEqualTo(2);
    assertThat(opTypes(r.model())).doesNotContain("MatMul", "Gemm")
        .contains("DynamicQuantizeLinear", "MatMulInteger", "Cast");
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(COSINE);
    assertThat(r.report().outputs().get("y").maxAbsError()).isPositive().isLessThan(0.05);
    // the float model is untouched
    assertThat(opTypes(mlp)).containsExactly("MatMul", "Add", "Relu", "Gemm");
  }

  @Test
  void dynamicPerRowActivationsByDefault() {
    Model mlp = SmallModels.mlp();
    CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(4, 16), 4, 3));
    Quantizer.Result r = new Quantizer(QuantizeOptions.dynamic(), null).quantizeAndReport(mlp, data);
    assertThat(r.quantizedNodes()).isEqualTo(2);
    assertThat(opTypes(r.model())).doesNotContain("MatMul", "Gemm", "DynamicQuantizeLinear")
        .contains("ReduceMax", "Round", "MatMulInteger");
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(COSINE);
  }

  /**
   * Row 0 of A spans [-2, 1], row 1 [-25, 100]: each gets its own scale amax/127, so row 0 keeps
   * a step of 2/127 that one range per tensor (125/255) would not give it.
   */
  @Test
  void dynamicPerRowScalesEachRowOnItsOwn() {
    GraphBuilder b = new GraphBuilder("mm", 17);
    Value a = b.input("a", DType.FLOAT, 2, 3);
    Tensor w = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    b.output(b.named("y", "MatMul", List.of(), a, b.constant("w", w)));
    Quantizer.Result r = new Quantizer(QuantizeOptions.dynamic(), null).quantize(b.build(), null);
    try (Session s = Vireo.create(r.model(), SessionOptions.defaults().withThreads(1))) {
      Tensor y = s.run(Map.of("a", Tensor.of(new float[] {1, -2, 0.5f, 100, 50, -25}, 2, 3))).get("y");
      // weights per column: scale 1/127, w_q = [[127, 0], [0, 127], [127, 127]]
      // row 0: scale 2/127, a_q = round([63.5, -127, 31.75]) = [64, -127, 32] (half to even)
      // row 1: scale 100/127, a_q = round([127, 63.5, -31.75]) = [127, 64, -32]
      // y[i][j] = (a_q[i] . w_q[:, j]) * (a_scale[i] * 1/127)
      assertThat(y.floats()).containsExactly(new float[] {96 * 2f / 127, -95 * 2f / 127, 95 * 100f / 127,
          32 * 100f / 127}, within(1e-5f));
    }
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
  void dynamicGathersInt8RowsAndDequantizesThem() {
    GraphBuilder b = new GraphBuilder("embed", 17);
    Value ids = b.input("ids", DType.INT64, 3);
    Tensor table = Tensor.of(new float[] {0f, 1f, -2f, 0.5f, 1.27f, -0.01f}, 3, 2);
    b.output(b.named("e", "Gather", List.of(), b.constant("table", table), ids));
    Quantizer.Result r = new Quantizer(QuantizeOptions.dynamic().withPerChannel(false), null).quantize(b.build(), null);
    assertThat(opTypes(r.model())).containsExactly("Gather", "DequantizeLinear");
    try (Session s = Vireo.create(r.model(), SessionOptions.defaults().withThreads(1))) {
      Tensor e = s.run(Map.of("ids", Tensor.of(new long[] {2, 0, 1}, 3))).get("e");
      // scale 2/127: 1.27 -> round(80.645) = 81; -0.01 -> round(-0.635) = -1; 0.5 -> round(31.75) = 32
      float step = 2f / 127;
      assertThat(e.floats()).containsExactly(new float[] {81 * step, -1 * step, 0, 64 * step, -127 * step,
          32 * step}, within(1e-6f));
    }
  }

  @Test
  void dynamicPerChannelGathersScaleRows() {
    GraphBuilder b = new GraphBuilder("embed", 17);
    Value ids = b.input("ids", DType.INT64, 3);
    Tensor table = Tensor.of(new float[] {0f, 1f, -2f, 0.5f, 1.27f, -0.01f}, 3, 2);
    b.output(b.named("e", "Gather", List.of(), b.constant("table", table), ids));
    Quantizer.Result r = new Quantizer(QuantizeOptions.dynamic().withPerChannel(true), null).quantize(b.build(), null);
    assertThat(opTypes(r.model())).containsExactlyInAnyOrder("Gather", "Cast", "Gather", "Mul");
    try (Session s = Vireo.create(r.model(), SessionOptions.defaults().withThreads(1))) {
      Tensor e = s.run(Map.of("ids", Tensor.of(new long[] {2, 0, 1}, 3))).get("e");
      // row scales 0.01, 1/127, 2/127: 0.5 -> round(31.75) = 32 -> 64/127; the rest is exact
      assertThat(e.floats()).containsExactly(new float[] {1.27f, -0.01f, 0, 1, -2, 64f / 127}, within(1e-6f));
    }
  }

  @Test
  void staticQdqQuantizesEveryActivationAndWeight() {
    CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(2, 3, 8, 8), 8, 5));
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withPerChannel(true);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(SmallModels.cnn(), data);
    assertThat(r.quantizedNodes()).isEqualTo(4); // Conv, Relu, MaxPool, Gemm
    List<String> ops = opTypes(r.model());
    assertThat(ops).contains("Conv", "Gemm");
    // x, Relu out (the Conv's output is quantized through its Relu), MaxPool out, Flatten out
    // (Gemm's input), Gemm out: one Q each
    assertThat(ops.stream().filter("QuantizeLinear"::equals).count()).isEqualTo(5);
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

  /**
   * Conv → BatchNormalization → Relu: the BatchNormalization is folded into the Conv before the
   * weights are quantized, so the QLinearConv carries the folded weights and no float
   * BatchNormalization is left; the Relu is absorbed (its output's zero point is 0).
   */
  @Test
  void staticFoldsBatchNormalizationBeforeQuantizing() {
    CalibrationSet data = CalibrationSet.of(SmallModels.samples("x", Shape.of(2, 3, 8, 8), 8, 5));
    QuantizeOptions o = QuantizeOptions.staticWith(CalibrationMethod.MINMAX).withPerChannel(true)
        .withFormat(QuantizeOptions.Format.QOPERATOR);
    Quantizer.Result r = new Quantizer(o, null).quantizeAndReport(SmallModels.cnn(true), data);
    assertThat(opTypes(r.model())).contains("QLinearConv").doesNotContain("BatchNormalization", "Conv", "Relu");
    assertThat(r.report().outputs().get("y").cosine()).isGreaterThan(COSINE);
    // the int8 weights are those of the folded Conv: per channel, W·s with s = scale / sqrt(var + eps)
    Model folded = new dev.vireo.optimize.Optimizer(List.of(new dev.vireo.optimize.fusion.ConvBatchNormFusion()))
        .optimize(SmallModels.cnn(true), dev.vireo.optimize.OptimizationLevel.BASIC).model();
    Tensor w = folded.graph().nodes().get(0).input(1).initializer();
    Tensor wq = r.model().graph().nodes().stream().filter(n -> n.opType().equals("QLinearConv")).findFirst()
        .orElseThrow().input(3).initializer();
    assertThat(wq.bytes()).containsExactly(QuantMath.weightInt8(w, 0).data().bytes());
  }

  @Test
  void nothingToQuantizeIsAnError() {
    QuantizeOptions o = QuantizeOptions.dynamic().withExcluded(Set.of("MatMul", "Gemm"), Set.of());
    assertThatThrownBy(() -> new Quantizer(o, null).quantize(SmallModels.mlp(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("nothing to quantize");
  }
}
