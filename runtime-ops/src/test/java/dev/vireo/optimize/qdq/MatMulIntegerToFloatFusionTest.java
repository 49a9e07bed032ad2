package dev.vireo.optimize.qdq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dynamic-quantization tail fused into MatMulIntegerToFloat gives the unfused graph's floats exactly. */
class MatMulIntegerToFloatFusionTest {
  private record Run(List<String> ops, float[] y) {}

  /**
   * y = Mul(Cast(MatMulInteger(q, W, zp, wzp)), Mul(scale, wScale)) with (q, scale, zp) from
   * DynamicQuantizeLinear(x); {@code extraReader} adds a second reader of the Cast output, which
   * must block the fusion.
   */
  private static Model model(int k, int n, boolean perColumn, boolean extraReader) {
    SplittableRandom r = new SplittableRandom(5);
    GraphBuilder b = new GraphBuilder("dq", 13);
    Value x = b.input("x", DType.FLOAT, 3, k);
    Value[] dq = b.ops("DynamicQuantizeLinear", null, 3, List.of(), x);
    byte[] w = new byte[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (byte) r.nextInt(-127, 128);
    }
    int scales = perColumn ? n : 1;
    float[] ws = new float[scales];
    byte[] wz = new byte[scales];
    for (int j = 0; j < scales; j++) {
      ws[j] = 0.001f + 0.01f * (float) r.nextDouble();
    }
    Shape ss = perColumn ? Shape.of(n) : Shape.SCALAR;
    Value wv = b.constant("w", Tensor.wrap(DType.INT8, Shape.of(k, n), w));
    Value acc = b.op("MatMulInteger", dq[0], wv, dq[2], b.constant("wzp", Tensor.wrap(DType.INT8, ss, wz)));
    Value f = b.op("Cast", List.of(Attribute.of("to", (long) DType.FLOAT.onnxCode())), acc);
    Value scale = b.op("Mul", dq[1], b.constant("ws", Tensor.wrap(DType.FLOAT, ss, ws)));
    b.output(b.named("y", "Mul", List.of(), f, scale));
    if (extraReader) {
      b.output(b.named("also", "Neg", List.of(), f));
    }
    return b.build();
  }

  private static Run run(Model m, OptimizationLevel level, Tensor x) {
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1).withOptimization(level))) {
      return new Run(s.model().graph().nodes().stream().map(Node::opType).toList(),
          s.run(Map.of("x", x)).get("y").floats());
    }
  }

  private static Tensor input(int k) {
    SplittableRandom r = new SplittableRandom(9);
    float[] d = new float[3 * k];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextDouble() * 4 - 1.5);
    }
    return Tensor.of(d, 3, k);
  }

  @Test
  void fusesPerColumnAndPerTensorScalesWithIdenticalResults() {
    for (boolean perColumn : new boolean[] {true, false}) {
      Tensor x = input(40);
      Run plain = run(model(40, 24, perColumn, false), OptimizationLevel.BASIC, x);
      Run fused = run(model(40, 24, perColumn, false), OptimizationLevel.EXTENDED, x);
      assertThat(plain.ops()).contains("MatMulInteger", "Cast");
      assertThat(fused.ops()).contains("DynamicQuantizeLinear", "MatMulIntegerToFloat")
          .doesNotContain("MatMulInteger", "Cast", "Mul");
      assertThat(fused.y()).as("per column: %s", perColumn).containsExactly(plain.y());
    }
  }

  @Test
  void leavesTheTailAloneWhenTheCastIsReadElsewhere() {
    Run fused = run(model(8, 4, true, true), OptimizationLevel.EXTENDED, input(8));
    assertThat(fused.ops()).contains("MatMulInteger", "Cast").doesNotContain("MatMulIntegerToFloat");
  }
}
