package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * onnxruntime's quantized com.microsoft operators in Vireo against onnxruntime itself: one-node
 * models on seeded inputs. Integer outputs are bit-exact except where onnxruntime approximates
 * (QLinearSigmoid's logistic: one quantization step); float outputs within float32 rounding.
 */
class QuantContribOrtTest {
  /** Integer outputs that must match exactly. */
  private static final int EXACT = 0;
  /** onnxruntime's MLAS logistic is an approximation: a value near a rounding edge may land one step off. */
  private static final int ONE_STEP = 1;
  /** Float outputs: relative to the largest magnitude (float32 rounding of a few operations). */
  private static final double FLOAT_REL = 1e-6;

  @TempDir Path dir;
  private final SplittableRandom rnd = new SplittableRandom(17);
  private final Map<String, Tensor> inits = new LinkedHashMap<>();
  private final Map<String, Tensor> feeds = new LinkedHashMap<>();

  @Test
  void qlinearAdd() throws Exception {
    check("QLinearAdd", List.of(), EXACT, feed(DType.UINT8, 2, 3, 4), scalar(0.05f), zp(DType.UINT8, 120),
        feed(DType.UINT8, 4), scalar(0.031f), zp(DType.UINT8, 7), scalar(0.07f), zp(DType.UINT8, 131));
  }

  @Test
  void qlinearMul() throws Exception {
    check("QLinearMul", List.of(), EXACT, feed(DType.INT8, 3, 5), scalar(0.04f), zp(DType.INT8, -3),
        feed(DType.INT8, 3, 5), scalar(0.02f), zp(DType.INT8, 5), scalar(0.09f), zp(DType.INT8, 2));
  }

  @Test
  void qlinearSigmoid() throws Exception {
    check("QLinearSigmoid", List.of(), ONE_STEP, feed(DType.UINT8, 4, 64), scalar(0.06f), zp(DType.UINT8, 128),
        scalar(1 / 256f), zp(DType.UINT8, 0));
  }

  @Test
  void qlinearLeakyRelu() throws Exception {
    check("QLinearLeakyRelu", List.of(Attribute.of("alpha", 0.1f)), EXACT, feed(DType.INT8, 4, 64),
        scalar(0.05f), zp(DType.INT8, 10), scalar(0.03f), zp(DType.INT8, -20));
  }

  @Test
  void qlinearConcat() throws Exception {
    check("QLinearConcat", List.of(Attribute.of("axis", 1L)), EXACT, scalar(0.05f), zp(DType.UINT8, 128),
        feed(DType.UINT8, 2, 3, 4), scalar(0.05f), zp(DType.UINT8, 128),
        feed(DType.UINT8, 2, 2, 4), scalar(0.11f), zp(DType.UINT8, 90));
  }

  @Test
  void qlinearGlobalAveragePool() throws Exception {
    check("QLinearGlobalAveragePool", List.of(), EXACT, feed(DType.UINT8, 2, 3, 5, 7), scalar(0.05f),
        zp(DType.UINT8, 100), scalar(0.02f), zp(DType.UINT8, 110));
  }

  @Test
  void qlinearAveragePoolWithPadsAndStrides() throws Exception {
    // float sums in a different order may round a .5 the other way: one step allowed
    check("QLinearAveragePool", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2),
            Attribute.ints("pads", 1, 1, 1, 1)), ONE_STEP, feed(DType.UINT8, 2, 3, 9, 8), scalar(0.05f),
        zp(DType.UINT8, 100), scalar(0.03f), zp(DType.UINT8, 110));
  }

  @Test
  void qlinearAveragePoolInt8CountingPads() throws Exception {
    check("QLinearAveragePool", List.of(Attribute.ints("kernel_shape", 2, 2), Attribute.ints("pads", 0, 0, 1, 1),
            Attribute.of("count_include_pad", 1L)), ONE_STEP, feed(DType.INT8, 1, 4, 5, 5), scalar(0.02f),
        zp(DType.INT8, -5), scalar(0.02f), zp(DType.INT8, 3));
  }

  @Test
  void qgemmRequantized() throws Exception {
    check("QGemm", List.of(Attribute.of("transB", 1L), Attribute.of("alpha", 0.5f)), EXACT,
        feed(DType.UINT8, 5, 70), scalar(0.02f), zp(DType.UINT8, 130),
        init(DType.INT8, 40, 70), scalar(0.01f), zp(DType.INT8, 0),
        bias(40), scalar(0.3f), zp(DType.UINT8, 120));
  }

  @Test
  void qgemmToFloatPerColumn() throws Exception {
    check("QGemm", List.of(), EXACT, feed(DType.UINT8, 4, 33), scalar(0.02f), zp(DType.UINT8, 130),
        init(DType.UINT8, 33, 21), columns(21), init(DType.UINT8, 21), null);
  }

  @Test
  void matMulIntegerToFloat() throws Exception {
    check("MatMulIntegerToFloat", List.of(), EXACT, feed(DType.UINT8, 2, 3, 64), init(DType.INT8, 64, 50),
        scalar(0.02f), columns(50), zp(DType.UINT8, 129), init(DType.INT8, 50), floats(50));
  }

  @Test
  void dynamicQuantizeMatMul() throws Exception {
    check("DynamicQuantizeMatMul", List.of(), EXACT, floatFeed(3, 384), init(DType.INT8, 384, 100),
        columns(100), init(DType.INT8, 100), floats(100));
  }

  /** Builds the one-node model, runs both runtimes, compares. A null input is omitted. */
  private void check(String op, List<Attribute> attrs, int tolerance, String... inputs) throws Exception {
    Graph g = new Graph("g", null);
    List<Value> ins = new ArrayList<>();
    for (String name : inputs) {
      if (name == null) {
        ins.add(null);
        continue;
      }
      Tensor t = inits.containsKey(name) ? inits.get(name) : feeds.get(name);
      Value v = new Value(name, ValueType.TensorType.of(t.dtype(), t.shape()));
      if (inits.containsKey(name)) {
        v.setInitializer(t);
        g.initializers().add(v);
      } else {
        g.inputs().add(v);
      }
      ins.add(v);
    }
    while (!ins.isEmpty() && ins.get(ins.size() - 1) == null) {
      ins.remove(ins.size() - 1);
    }
    Value y = new Value("y", null);
    Map<String, Attribute> am = new LinkedHashMap<>();
    attrs.forEach(a -> am.put(a.name(), a));
    g.setNodes(List.of(new Node("n", "com.microsoft", op, 1, ins, List.of(y), am)));
    g.outputs().add(y);
    Path file = dir.resolve(op + ".onnx");
    OnnxWriter.write(Model.of(g, Map.of("", 13, "com.microsoft", 1)), file);
    assertThat(Files.size(file)).isPositive();
    Tensor expected;
    try (OrtReference ort = new OrtReference(file, false)) {
      expected = ort.run(feeds).get("y");
    }
    Tensor actual;
    try (Session s = Vireo.load(file, SessionOptions.defaults().withThreads(2))) {
      actual = s.run(feeds).get("y");
    }
    assertThat(actual.dtype()).as(op).isEqualTo(expected.dtype());
    assertThat(actual.shape()).as(op).isEqualTo(expected.shape());
    if (expected.dtype() == DType.FLOAT) {
      double max = 0;
      for (float v : expected.floats()) {
        max = Math.max(max, Math.abs(v));
      }
      for (int i = 0; i < expected.size(); i++) {
        assertThat((double) actual.floats()[i]).as("%s element %d", op, i)
            .isCloseTo(expected.floats()[i], org.assertj.core.data.Offset.offset(FLOAT_REL * max));
      }
    } else {
      int worst = 0;
      for (int i = 0; i < expected.size(); i++) {
        worst = Math.max(worst, (int) Math.abs(actual.getLong(i) - expected.getLong(i)));
      }
      assertThat(worst).as("%s largest difference in quantization steps", op).isLessThanOrEqualTo(tolerance);
    }
  }

  private String feed(DType t, int... dims) {
    String name = "x" + feeds.size();
    feeds.put(name, bytes(t, dims));
    return name;
  }

  private String floatFeed(int... dims) {
    Shape s = Shape.of(dims);
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (rnd.nextGaussian() * 2 - 0.5);
    }
    String name = "x" + feeds.size();
    feeds.put(name, Tensor.wrap(DType.FLOAT, s, d));
    return name;
  }

  private String init(DType t, int... dims) {
    return put(bytes(t, dims));
  }

  private String scalar(float v) {
    return put(Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {v}));
  }

  private String zp(DType t, int v) {
    return put(Tensor.wrap(t, Shape.SCALAR, new byte[] {(byte) v}));
  }

  private String columns(int n) {
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = 0.005f + (float) rnd.nextDouble() * 0.02f;
    }
    return put(Tensor.wrap(DType.FLOAT, Shape.of(n), d));
  }

  private String floats(int n) {
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) rnd.nextGaussian();
    }
    return put(Tensor.wrap(DType.FLOAT, Shape.of(n), d));
  }

  private String bias(int n) {
    int[] d = new int[n];
    for (int i = 0; i < n; i++) {
      d[i] = rnd.nextInt(-5000, 5000);
    }
    return put(Tensor.wrap(DType.INT32, Shape.of(n), d));
  }

  private String put(Tensor t) {
    String name = "c" + inits.size();
    inits.put(name, t);
    return name;
  }

  private Tensor bytes(DType t, int... dims) {
    Shape s = Shape.of(dims);
    byte[] d = new byte[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rnd.nextInt(256);
    }
    return Tensor.wrap(t, s, d);
  }
}
