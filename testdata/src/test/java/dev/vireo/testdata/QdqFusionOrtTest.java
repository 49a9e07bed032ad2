package dev.vireo.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QDQ graphs that Vireo fuses into QGemm, QLinearConv with an absorbed Relu or Clip, and a dropped
 * DQ → Relu → Q Relu, against onnxruntime running the same QDQ file. The uint8 outputs agree
 * within {@link #ONE_STEP}: each side rounds once from the exact int32 sum when it fuses, but
 * where one side runs the float round trip instead, a float32 sum can land on the other side of
 * a .5.
 */
class QdqFusionOrtTest {
  /** Largest allowed difference, in steps of the uint8 output. */
  private static final int ONE_STEP = 1;

  @TempDir Path dir;
  private final SplittableRandom rnd = new SplittableRandom(23);

  private Tensor floats(Shape s, float lo, float hi) {
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = lo + (hi - lo) * (float) rnd.nextDouble();
    }
    return Tensor.wrap(DType.FLOAT, s, d);
  }

  private Tensor int8(Shape s) {
    byte[] d = new byte[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rnd.nextInt(-127, 128);
    }
    return Tensor.wrap(DType.INT8, s, d);
  }

  private static Tensor scalar(float v) {
    return Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {v});
  }

  private static Tensor u8(int v) {
    return Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) v});
  }

  /** DQ(int8 weight) per output channel along {@code axis}, with its int32 bias of scale x_scale * w_scale. */
  private Value[] weightAndBias(GraphBuilder b, Shape ws, int axis, int channels, float xScale) {
    Tensor scales = floats(Shape.of(channels), 0.002f, 0.004f);
    Value w = b.op("DequantizeLinear", List.of(Attribute.of("axis", (long) axis)), b.constant("w", int8(ws)),
        b.constant("w_scale", scales), b.constant("w_zp", Tensor.zeros(DType.INT8, Shape.of(channels))));
    float[] bs = new float[channels];
    int[] bq = new int[channels];
    for (int c = 0; c < channels; c++) {
      bs[c] = xScale * scales.floats()[c];
      bq[c] = rnd.nextInt(-2000, 2000);
    }
    Value bias = b.op("DequantizeLinear", List.of(Attribute.of("axis", 0L)), b.constant("b", Tensor.of(bq, channels)),
        b.constant("b_scale", Tensor.of(bs, channels)), b.constant("b_zp", Tensor.zeros(DType.INT32, Shape.of(channels))));
    return new Value[] {w, bias};
  }

  /** x → Q → DQ → body → [Relu] → Q(zero point yZp) → y. */
  private Model model(int[] dims, java.util.function.BiFunction<GraphBuilder, Value, Value> body, boolean relu, int yZp) {
    GraphBuilder b = new GraphBuilder("qdq", 17);
    Value x = b.input("x", DType.FLOAT, dims);
    Value s = b.constant("x_scale", scalar(0.01f));
    Value z = b.constant("x_zp", u8(100));
    Value h = body.apply(b, b.op("DequantizeLinear", b.op("QuantizeLinear", x, s, z), s, z));
    if (relu) {
      h = b.op("Relu", h);
    }
    b.output(b.named("y", "QuantizeLinear", List.of(), h, b.constant("y_scale", scalar(0.05f)), b.constant("y_zp", u8(yZp))));
    return b.build();
  }

  private List<String> compareWithOrt(Model m, Shape xs) throws Exception {
    Path file = dir.resolve("m.onnx");
    OnnxWriter.write(m, file);
    Map<String, Tensor> feeds = Map.of("x", floats(xs, -1f, 1.5f));
    byte[] want;
    try (OrtReference ort = new OrtReference(file)) {
      want = ort.run(feeds).get("y").bytes();
    }
    try (Session s = Vireo.load(file, SessionOptions.defaults().withThreads(1))) {
      byte[] got = s.run(feeds).get("y").bytes();
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < got.length; i++) {
        assertThat(Math.abs(Byte.toUnsignedInt(got[i]) - Byte.toUnsignedInt(want[i]))).as("element %d", i)
            .isLessThanOrEqualTo(ONE_STEP);
      }
      return s.model().graph().nodes().stream().map(Node::opType).toList();
    }
  }

  @Test
  void gemmWithAndWithoutReluAsQGemm() throws Exception {
    for (boolean relu : new boolean[] {false, true}) {
      Model m = model(new int[] {4, 12}, (b, x) -> {
        Value[] wb = weightAndBias(b, Shape.of(7, 12), 0, 7, 0.01f);
        return b.op("Gemm", List.of(Attribute.of("transB", 1L)), x, wb[0], wb[1]);
      }, relu, relu ? 0 : 120);
      assertThat(compareWithOrt(m, Shape.of(4, 12))).as("relu %s", relu).containsExactly("QuantizeLinear", "QGemm");
    }
  }

  @Test
  void convReluAsQLinearConv() throws Exception {
    Model m = model(new int[] {1, 3, 6, 6}, (b, x) -> {
      Value[] wb = weightAndBias(b, Shape.of(5, 3, 3, 3), 0, 5, 0.01f);
      return b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1)), x, wb[0],
          wb[1]);
    }, true, 0);
    assertThat(compareWithOrt(m, Shape.of(1, 3, 6, 6))).containsExactly("QuantizeLinear", "QLinearConv");
  }

  /** y saturates at 0 and 255 · 0.05 = 12.75, the Clip's bounds: the Clip goes into QLinearConv. */
  @Test
  void convClipAsQLinearConv() throws Exception {
    Model m = model(new int[] {1, 3, 6, 6}, (b, x) -> {
      Value[] wb = weightAndBias(b, Shape.of(5, 3, 3, 3), 0, 5, 0.01f);
      Value c = b.op("Conv", List.of(Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1)), x,
          wb[0], wb[1]);
      return b.op("Clip", c, b.constant("lo", scalar(0f)), b.constant("hi", scalar(12.75f)));
    }, false, 0);
    assertThat(compareWithOrt(m, Shape.of(1, 3, 6, 6))).containsExactly("QuantizeLinear", "QLinearConv");
  }

  @Test
  void dequantizedReluIntoSaturatingQuantizeIsDropped() throws Exception {
    Model m = model(new int[] {3, 9}, (b, x) -> x, true, 0);
    assertThat(compareWithOrt(m, Shape.of(3, 9))).doesNotContain("Relu");
  }
}
