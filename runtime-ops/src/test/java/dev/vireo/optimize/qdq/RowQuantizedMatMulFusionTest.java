package dev.vireo.optimize.qdq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.PassTesting;
import dev.vireo.quantize.QuantizeOptions;
import dev.vireo.quantize.Quantizer;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Per-row dynamic quantization as the quantizer writes it, fused into RowQuantize and
 * MatMulIntegerRowScaled: the fused session gives the unfused one's floats exactly.
 */
class RowQuantizedMatMulFusionTest {
  private static final int K = 24;

  /**
   * Two MatMuls reading one batched x [2, 3, K] (the Q and K projections of an attention) and a
   * Gemm with a bias (an Add after the scaling, fused too) on a 2-D x2 [4, K], quantized dynamically with per-row activations.
   */
  private static Model quantized(int opset, boolean perChannel) {
    GraphBuilder b = new GraphBuilder("rowq", opset);
    Value x = b.input("x", DType.FLOAT, 2, 3, K);
    Value x2 = b.input("x2", DType.FLOAT, 4, K);
    b.output(b.named("y1", "MatMul", List.of(), x, b.constant("w1", PassTesting.random(1, K, 8))));
    b.output(b.named("y2", "MatMul", List.of(), x, b.constant("w2", PassTesting.random(2, K, 5))));
    b.output(b.named("y3", "Gemm", List.of(Attribute.of("transB", 1L)), x2,
        b.constant("w3", PassTesting.random(3, 6, K)), b.constant("c3", PassTesting.random(4, 6))));
    QuantizeOptions options = QuantizeOptions.dynamic().withPerChannel(perChannel);
    return new Quantizer(options, null).quantize(b.build(), null).model();
  }

  /** x with a row of zeros and one row much larger than the others; x2 random. */
  private static Map<String, Tensor> feeds() {
    SplittableRandom r = new SplittableRandom(11);
    float[] x = new float[2 * 3 * K];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 4 - 1.5);
    }
    for (int i = K; i < 2 * K; i++) {
      x[i] = 0f;
    }
    for (int i = 3 * K; i < 4 * K; i++) {
      x[i] *= 40f;
    }
    return Map.of("x", Tensor.of(x, 2, 3, K), "x2", PassTesting.random(12, 4, K));
  }

  private static Map<String, Tensor> run(Model m, OptimizationLevel level, List<String> ops) {
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1).withOptimization(level))) {
      ops.addAll(PassTesting.ops(s.model()));
      return s.run(feeds());
    }
  }

  @Test
  void fusesTheQuantizeBlockOnceAndEveryTailWithIdenticalResults() {
    for (int opset : new int[] {13, 18}) {
      for (boolean perChannel : new boolean[] {true, false}) {
        List<String> plainOps = new ArrayList<>();
        List<String> fusedOps = new ArrayList<>();
        Map<String, Tensor> plain = run(quantized(opset, perChannel), OptimizationLevel.NONE, plainOps);
        Map<String, Tensor> fused = run(quantized(opset, perChannel), OptimizationLevel.EXTENDED, fusedOps);
        String what = "opset " + opset + ", per channel " + perChannel;
        assertThat(plainOps).as(what).contains("ReduceMax", "Round", "MatMulInteger");
        assertThat(fusedOps).as(what).doesNotContain("Abs", "ReduceMax", "Round", "MatMulInteger", "Cast", "Mul", "Add");
        assertThat(fusedOps.stream().filter("dev.vireo:RowQuantize"::equals)).as(what).hasSize(2);
        assertThat(fusedOps.stream().filter("dev.vireo:MatMulIntegerRowScaled"::equals)).as(what).hasSize(3);
        for (String y : List.of("y1", "y2", "y3")) {
          assertThat(fused.get(y).shape()).isEqualTo(plain.get(y).shape());
          assertThat(fused.get(y).floats()).as(what + ": " + y).containsExactly(plain.get(y).floats());
        }
      }
    }
  }

  /** y4 = Add(Add(MatMul(x2, w4), b4), x2) and y5 = Relu(Add(MatMul(x2, w5), b5)), quantized. */
  private static Model biased() {
    GraphBuilder b = new GraphBuilder("bias", 13);
    Value x = b.input("x2", DType.FLOAT, 4, K);
    Value h = b.op("Add", b.op("MatMul", x, b.constant("w4", PassTesting.random(5, K, K))),
        b.constant("b4", PassTesting.random(6, K)));
    b.output(b.named("y4", "Add", List.of(), h, x));
    Value g = b.op("Add", b.op("MatMul", x, b.constant("w5", PassTesting.random(7, K, 3))),
        b.constant("b5", PassTesting.random(8, 3)));
    b.output(b.named("y5", "Relu", List.of(), g));
    return new Quantizer(QuantizeOptions.dynamic(), null).quantize(b.build(), null).model();
  }

  /**
   * A bias Add read by a residual Add stays (SkipLayerNormalization takes such Adds in a
   * transformer); one read by a Relu is fused.
   */
  @Test
  void takesTheBiasAddUnlessAResidualAddReadsIt() {
    List<String> fusedOps = new ArrayList<>();
    Map<String, Tensor> feeds = Map.of("x2", PassTesting.random(9, 4, K));
    Map<String, Tensor> plain;
    Map<String, Tensor> fused;
    try (Session s = Vireo.create(biased(), SessionOptions.defaults().withThreads(1)
        .withOptimization(OptimizationLevel.NONE))) {
      plain = s.run(feeds);
    }
    try (Session s = Vireo.create(biased(), SessionOptions.defaults().withThreads(1))) {
      fusedOps.addAll(PassTesting.ops(s.model()));
      fused = s.run(feeds);
    }
    assertThat(fusedOps.stream().filter("dev.vireo:MatMulIntegerRowScaled"::equals)).hasSize(2);
    assertThat(fusedOps.stream().filter("Add"::equals)).as("bias and residual Adds of y4").hasSize(2);
    for (String y : List.of("y4", "y5")) {
      assertThat(fused.get(y).floats()).as(y).containsExactly(plain.get(y).floats());
    }
  }

  @Test
  void portableModelsKeepTheStandardOps() {
    Model m = quantized(13, true);
    var r = PassTesting.optimize(m, OptimizationLevel.ALL, true);
    assertThat(PassTesting.ops(r.model())).contains("ReduceMax", "Round", "MatMulInteger")
        .noneMatch(op -> op.startsWith("dev.vireo:"));
  }

  @Test
  void leavesTheBlockAloneWhenAnIntermediateIsAGraphOutput() {
    Model m = quantized(13, true);
    var rounded = m.graph().nodes().stream().filter(n -> n.output(0).name().equals("x_rounded")).findFirst().orElseThrow();
    m.graph().outputs().add(rounded.output(0));
    var r = PassTesting.optimize(m, OptimizationLevel.EXTENDED, false);
    List<String> ops = PassTesting.ops(r.model());
    assertThat(ops.stream().filter("dev.vireo:RowQuantize"::equals)).hasSize(1);
    assertThat(ops.stream().filter("dev.vireo:MatMulIntegerRowScaled"::equals)).hasSize(1);
    assertThat(ops).contains("Round", "MatMulInteger");
  }

}
