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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * QLinearConvFusion, QLinearMatMulFusion, QGemmFusion and QdqClampElimination on hand-built QDQ
 * graphs: the fused graph's uint8
 * output equals the unfused one within {@link #ONE_STEP} (the fused op rounds once from the exact
 * int32 sum; the unfused graph rounds a float32 sum, which can land on the other side of a .5).
 */
class QdqFusionTest {
  /** Largest allowed difference, in steps of the quantized output type. */
  private static final int ONE_STEP = 1;

  private static Tensor floats(SplittableRandom r, Shape s, float lo, float hi) {
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = lo + (hi - lo) * (float) r.nextDouble();
    }
    return Tensor.wrap(DType.FLOAT, s, d);
  }

  private static Tensor bytes(SplittableRandom r, DType t, Shape s) {
    byte[] d = new byte[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (t == DType.INT8 ? r.nextInt(-127, 128) : r.nextInt(256));
    }
    return Tensor.wrap(t, s, d);
  }

  private static Tensor scalar(float v) {
    return Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {v});
  }

  private static Tensor u8(int v) {
    return Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) v});
  }

  /** x → Q → DQ, the usual head of a QDQ graph. */
  private static Value qdqInput(GraphBuilder b, int... dims) {
    Value x = b.input("x", DType.FLOAT, dims);
    Value s = b.constant("x_scale", scalar(0.01f));
    Value z = b.constant("x_zp", u8(100));
    return b.op("DequantizeLinear", b.op("QuantizeLinear", x, s, z), s, z);
  }

  /** Builds "DQ(x) → op → Q → y" with {@code op} adding the middle; y is the uint8 output. */
  private static Model graph(int[] dims, Function<GraphBuilder, Function<Value, Value>> op, boolean opIsOutput) {
    return graph(dims, op, opIsOutput, 120);
  }

  /** As above with y's zero point {@code yZp}. */
  private static Model graph(int[] dims, Function<GraphBuilder, Function<Value, Value>> op, boolean opIsOutput,
      int yZp) {
    GraphBuilder b = new GraphBuilder("qdq", 17);
    Value h = op.apply(b).apply(qdqInput(b, dims));
    if (opIsOutput) {
      b.output(h);
    }
    b.output(b.named("y", "QuantizeLinear", List.of(), h, b.constant("y_scale", scalar(0.05f)),
        b.constant("y_zp", u8(yZp))));
    return b.build();
  }

  /** {@code op} followed by a Relu. */
  private static Function<GraphBuilder, Function<Value, Value>> thenRelu(
      Function<GraphBuilder, Function<Value, Value>> op) {
    return b -> x -> b.op("Relu", op.apply(b).apply(x));
  }

  /**
   * Gemm of x [3, 6] with an int8 B ([6, 5], or [5, 6] transposed) per tensor or per output
   * column, and a bias C [5]: int32 behind a DequantizeLinear, float, or none.
   */
  static Function<GraphBuilder, Function<Value, Value>> gemm(boolean transB, boolean perColumn, String bias) {
    return b -> a -> {
      SplittableRandom r = new SplittableRandom(13);
      Tensor bs = perColumn ? floats(r, Shape.of(5), 0.002f, 0.004f) : scalar(0.003f);
      Value bq = b.constant("b", bytes(r, DType.INT8, transB ? Shape.of(5, 6) : Shape.of(6, 5)));
      Value zp = b.constant("b_zp", perColumn ? Tensor.zeros(DType.INT8, Shape.of(5))
          : Tensor.wrap(DType.INT8, Shape.SCALAR, new byte[1]));
      Value bv = perColumn
          ? b.op("DequantizeLinear", List.of(Attribute.of("axis", transB ? 0L : 1L)), bq, b.constant("b_scale", bs), zp)
          : b.op("DequantizeLinear", bq, b.constant("b_scale", bs), zp);
      List<Attribute> attrs = List.of(Attribute.of("transB", transB ? 1L : 0L));
      return switch (bias) {
        case "int32" -> {
          float[] cs = new float[5];
          for (int c = 0; c < 5; c++) {
            cs[c] = 0.01f * bs.floats()[perColumn ? c : 0];
          }
          Value c = b.op("DequantizeLinear", List.of(Attribute.of("axis", 0L)),
              b.constant("c", Tensor.of(new int[] {500, -300, 0, 1200, -40}, 5)), b.constant("c_scale", Tensor.of(cs, 5)),
              b.constant("c_zp", Tensor.zeros(DType.INT32, Shape.of(5))));
          yield b.op("Gemm", attrs, a, bv, c);
        }
        case "float" -> b.op("Gemm", attrs, a, bv, b.constant("c", floats(r, Shape.of(5), -0.1f, 0.1f)));
        default -> b.op("Gemm", attrs, a, bv);
      };
    };
  }

  private static Function<GraphBuilder, Function<Value, Value>> conv(boolean intBias) {
    return b -> x -> {
      SplittableRandom r = new SplittableRandom(11);
      Tensor ws = floats(r, Shape.of(4), 0.002f, 0.004f);
      Value w = b.op("DequantizeLinear", List.of(Attribute.of("axis", 0L)),
          b.constant("w", bytes(r, DType.INT8, Shape.of(4, 2, 3, 3))), b.constant("w_scale", ws),
          b.constant("w_zp", Tensor.zeros(DType.INT8, Shape.of(4))));
      Value bias;
      if (intBias) {
        float[] bs = new float[4];
        for (int c = 0; c < 4; c++) {
          bs[c] = 0.01f * ws.floats()[c];
        }
        bias = b.op("DequantizeLinear", List.of(Attribute.of("axis", 0L)),
            b.constant("b", Tensor.of(new int[] {500, -300, 0, 1200}, 4)),
            b.constant("b_scale", Tensor.of(bs, 4)), b.constant("b_zp", Tensor.zeros(DType.INT32, Shape.of(4))));
      } else {
        bias = b.constant("b", floats(r, Shape.of(4), -0.1f, 0.1f));
      }
      return b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1)),
          x, w, bias);
    };
  }

  private static Function<GraphBuilder, Function<Value, Value>> matMul(boolean perColumn) {
    return b -> a -> {
      SplittableRandom r = new SplittableRandom(12);
      Value bq = b.constant("b", bytes(r, DType.INT8, Shape.of(6, 5)));
      Value bv = perColumn
          ? b.op("DequantizeLinear", List.of(Attribute.of("axis", 1L)), bq,
              b.constant("b_scale", floats(r, Shape.of(5), 0.002f, 0.004f)),
              b.constant("b_zp", Tensor.zeros(DType.INT8, Shape.of(5))))
          : b.op("DequantizeLinear", bq, b.constant("b_scale", scalar(0.003f)),
              b.constant("b_zp", Tensor.wrap(DType.INT8, Shape.SCALAR, new byte[1])));
      return b.op("MatMul", a, bv);
    };
  }

  private record Run(List<String> ops, Tensor y) {}

  private static Run run(Model m, OptimizationLevel level, Tensor x) {
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1).withOptimization(level))) {
      return new Run(s.model().graph().nodes().stream().map(Node::opType).toList(), s.run(Map.of("x", x)).get("y"));
    }
  }

  /** Runs the graph unfused and fused, checks the fused op types and the one-step tolerance. */
  private static List<String> compare(Function<Boolean, Model> build, Shape xs) {
    Tensor x = floats(new SplittableRandom(3), xs, -1f, 1.5f);
    Run plain = run(build.apply(false), OptimizationLevel.BASIC, x);
    Run fused = run(build.apply(false), OptimizationLevel.EXTENDED, x);
    byte[] a = plain.y().bytes();
    byte[] b = fused.y().bytes();
    assertThat(b).hasSameSizeAs(a);
    int differ = 0;
    for (int i = 0; i < a.length; i++) {
      int d = Math.abs(Byte.toUnsignedInt(a[i]) - Byte.toUnsignedInt(b[i]));
      assertThat(d).as("element %d", i).isLessThanOrEqualTo(ONE_STEP);
      differ += d;
    }
    assertThat(differ).as("elements off by one step").isLessThan(a.length / 20 + 1);
    assertThat(plain.ops()).contains("QuantizeLinear", "DequantizeLinear");
    return fused.ops();
  }

  @Test
  void convWithInt32BiasBecomesQLinearConv() {
    List<String> ops = compare(out -> graph(new int[] {1, 2, 6, 6}, conv(true), out), Shape.of(1, 2, 6, 6));
    assertThat(ops).containsExactly("QuantizeLinear", "QLinearConv");
  }

  @Test
  void convWithFloatBiasBecomesQLinearConv() {
    List<String> ops = compare(out -> graph(new int[] {1, 2, 6, 6}, conv(false), out), Shape.of(1, 2, 6, 6));
    assertThat(ops).containsExactly("QuantizeLinear", "QLinearConv");
  }

  @Test
  void matMulPerTensorAndPerColumnBecomeQLinearMatMul() {
    for (boolean perColumn : new boolean[] {false, true}) {
      List<String> ops = compare(out -> graph(new int[] {3, 6}, matMul(perColumn), out), Shape.of(3, 6));
      assertThat(ops).as("per column %s", perColumn).containsExactly("QuantizeLinear", "QLinearMatMul");
    }
  }

  @Test
  void gemmBecomesQGemm() {
    for (boolean transB : new boolean[] {false, true}) {
      for (boolean perColumn : new boolean[] {false, true}) {
        for (String bias : List.of("int32", "float", "none")) {
          List<String> ops = compare(out -> graph(new int[] {3, 6}, gemm(transB, perColumn, bias), out), Shape.of(3, 6));
          assertThat(ops).as("transB %s, per column %s, bias %s", transB, perColumn, bias)
              .containsExactly("QuantizeLinear", "QGemm");
        }
      }
    }
  }

  @Test
  void gemmStaysStandardWhenPortable() {
    Model m = graph(new int[] {3, 6}, gemm(false, true, "int32"), false);
    dev.vireo.optimize.Optimizer.Result r = new dev.vireo.optimize.Optimizer(List.of(new QGemmFusion()))
        .optimize(m, OptimizationLevel.EXTENDED, true, dev.vireo.kernel.StandardKernels.registry());
    assertThat(r.model().graph().nodes().stream().map(Node::opType)).contains("Gemm").doesNotContain("QGemm");
  }

  /**
   * Conv, MatMul and Gemm followed by a Relu and a QuantizeLinear with zero point 0: the Relu is
   * absorbed into the integer op (the saturation at the zero point is the Relu), within one step
   * of the unfused graph as without the Relu.
   */
  @Test
  void reluBeforeAQuantizeThatSaturatesAtZeroIsAbsorbed() {
    Map<String, Function<GraphBuilder, Function<Value, Value>>> ops = new java.util.LinkedHashMap<>();
    ops.put("QLinearConv", thenRelu(conv(true)));
    ops.put("QLinearMatMul", thenRelu(matMul(true)));
    ops.put("QGemm", thenRelu(gemm(true, true, "int32")));
    Map<String, int[]> dims = Map.of("QLinearConv", new int[] {1, 2, 6, 6}, "QLinearMatMul", new int[] {3, 6},
        "QGemm", new int[] {3, 6});
    ops.forEach((fused, op) -> {
      int[] d = dims.get(fused);
      List<String> got = compare(out -> graph(d, op, out, 0), Shape.of(d));
      assertThat(got).as(fused).containsExactly("QuantizeLinear", fused);
    });
  }

  /** {@code op} followed by Clip(lo, hi) with constant bounds. */
  private static Function<GraphBuilder, Function<Value, Value>> thenClip(
      Function<GraphBuilder, Function<Value, Value>> op, float lo, float hi) {
    return b -> x -> b.op("Clip", op.apply(b).apply(x), b.constant("lo", scalar(lo)), b.constant("hi", scalar(hi)));
  }

  /**
   * y's QuantizeLinear (scale 0.05, zero point 0) saturates below 0 and above 255 · 0.05 = 12.75:
   * Clip(0, 12.75) is absorbed, Clip(0, 6) is not (values in (6, 12.75] would come out larger).
   */
  @Test
  void clipIsAbsorbedOnlyWhenTheQuantizeSaturatesAtBothBounds() {
    List<String> absorbed = compare(out -> graph(new int[] {1, 2, 6, 6}, thenClip(conv(true), 0f, 12.75f), out, 0),
        Shape.of(1, 2, 6, 6));
    assertThat(absorbed).containsExactly("QuantizeLinear", "QLinearConv");
    List<String> kept = compare(out -> graph(new int[] {1, 2, 6, 6}, thenClip(conv(true), 0f, 0.3f), out, 0),
        Shape.of(1, 2, 6, 6));
    assertThat(kept).contains("Clip").doesNotContain("QLinearConv");
  }

  @Test
  void reluBeforeAQuantizeWithHigherZeroPointStays() {
    List<String> ops = compare(out -> graph(new int[] {1, 2, 6, 6}, thenRelu(conv(true)), out, 120),
        Shape.of(1, 2, 6, 6));
    assertThat(ops).contains("Conv", "Relu").doesNotContain("QLinearConv");
  }

  /** DQ → Relu → Q with zero point 0 loses the Relu: bit for bit the same uint8 output. */
  @Test
  void dequantizedReluIntoASaturatingQuantizeIsDropped() {
    Function<Boolean, Model> build = out -> graph(new int[] {2, 7}, b -> x -> b.op("Relu", x), out, 0);
    Tensor x = floats(new SplittableRandom(5), Shape.of(2, 7), -1f, 1.5f);
    Run plain = run(build.apply(false), OptimizationLevel.BASIC, x);
    Run fused = run(build.apply(false), OptimizationLevel.EXTENDED, x);
    assertThat(plain.ops()).contains("Relu");
    assertThat(fused.ops()).containsExactly("QuantizeLinear", "DequantizeLinear", "QuantizeLinear");
    assertThat(fused.y().bytes()).containsExactly(plain.y().bytes());
    Run kept = run(graph(new int[] {2, 7}, b -> x2 -> b.op("Relu", x2), false, 120), OptimizationLevel.EXTENDED, x);
    assertThat(kept.ops()).contains("Relu");
  }

  @Test
  void convWhoseFloatOutputIsAlsoAGraphOutputStays() {
    Model m = graph(new int[] {1, 2, 6, 6}, conv(true), true);
    Tensor x = floats(new SplittableRandom(3), Shape.of(1, 2, 6, 6), -1f, 1f);
    assertThat(run(m, OptimizationLevel.EXTENDED, x).ops()).contains("Conv").doesNotContain("QLinearConv");
  }

  @Test
  void convWithoutQuantizedOutputStays() {
    GraphBuilder b = new GraphBuilder("no-q", 17);
    Value h = conv(true).apply(b).apply(qdqInput(b, 1, 2, 6, 6));
    b.output(b.named("y", "Relu", List.of(), h));
    Tensor x = floats(new SplittableRandom(3), Shape.of(1, 2, 6, 6), -1f, 1f);
    assertThat(run(b.build(), OptimizationLevel.EXTENDED, x).ops()).contains("Conv").doesNotContain("QLinearConv");
  }

  /** A constant operand "DQ(c)" with its own uint8 parameters. */
  private static Value dqConstant(GraphBuilder b, String name, int... dims) {
    Tensor c = bytes(new SplittableRandom(17), DType.UINT8, Shape.of(dims));
    return b.op("DequantizeLinear", b.constant(name, c), b.constant(name + "_scale", scalar(0.02f)),
        b.constant(name + "_zp", u8(90)));
  }

  @Test
  void addMulConcatAndPoolsBecomeComMicrosoftQLinearOps() {
    Map<String, Function<GraphBuilder, Function<Value, Value>>> ops = new java.util.LinkedHashMap<>();
    ops.put("QLinearAdd", b -> x -> b.op("Add", x, dqConstant(b, "c", 2, 4, 4)));
    ops.put("QLinearMul", b -> x -> b.op("Mul", x, dqConstant(b, "c", 2, 4, 4)));
    ops.put("QLinearConcat", b -> x -> b.op("Concat", List.of(Attribute.of("axis", 1L)), x, dqConstant(b, "c", 1, 3, 4, 4)));
    ops.put("QLinearAveragePool", b -> x -> b.op("AveragePool", List.of(Attribute.ints("kernel_shape", 2, 2),
        Attribute.ints("pads", 1, 1, 1, 1), Attribute.ints("strides", 2, 2)), x));
    ops.put("QLinearGlobalAveragePool", b -> x -> b.op("GlobalAveragePool", x));
    ops.forEach((fused, op) -> {
      List<String> got = compare(out -> graph(new int[] {1, 2, 4, 4}, op, out), Shape.of(1, 2, 4, 4));
      assertThat(got).as(fused).containsExactly("QuantizeLinear", fused);
    });
  }

  @Test
  void portableKeepsTheQdqForm() {
    Model m = graph(new int[] {1, 2, 4, 4}, b -> x -> b.op("GlobalAveragePool", x), false);
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1))) {
      assertThat(s.model().graph().nodes().stream().map(Node::opType)).contains("QLinearGlobalAveragePool");
    }
    dev.vireo.optimize.Optimizer.Result r = new dev.vireo.optimize.Optimizer(
        dev.vireo.optimize.StandardPasses.all()).optimize(graph(new int[] {1, 2, 4, 4},
        b -> x -> b.op("GlobalAveragePool", x), false), OptimizationLevel.ALL, true,
        dev.vireo.kernel.StandardKernels.registry());
    assertThat(r.model().graph().nodes().stream().map(Node::opType)).contains("GlobalAveragePool")
        .doesNotContain("QLinearGlobalAveragePool");
  }
}
