package dev.vireo.kernel.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dev.vireo.ir.Attribute;
import dev.vireo.kernel.KernelHarness;
import dev.vireo.onnx.proto.AttributeProto;
import dev.vireo.onnx.proto.GraphProto;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.onnx.proto.NodeProto;
import dev.vireo.onnx.proto.OperatorSetIdProto;
import dev.vireo.onnx.proto.TypeProto;
import dev.vireo.onnx.proto.ValueInfoProto;
import dev.vireo.tensor.Tensor;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resize and Upsample against onnxruntime, for the forms the ONNX backend cases do not cover:
 * Upsample and Resize opset 10 (asymmetric coordinates, nearest rounding down when upsampling and
 * up when downsampling) and Resize 13 in every mode on non-square inputs.
 */
class ResizeOrtTest {
  private static final float CLOSE = 1e-4f;

  private static float[] input() {
    float[] v = new float[2 * 5 * 7];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 37 % 23) - 11.5f;
    }
    return v;
  }

  @ParameterizedTest
  @CsvSource({
      "Upsample, 9, nearest, 2, 3", "Upsample, 9, linear, 1.5, 2.5", "Upsample, 9, nearest, 1.7, 1",
      "Resize, 10, nearest, 0.6, 0.5", "Resize, 10, nearest, 2, 1.3", "Resize, 10, linear, 0.5, 0.7",
      "Resize, 10, linear, 3, 2"})
  void legacyScales(String op, int opset, String mode, float sh, float sw) throws OrtException {
    float[] scales = {1, 1, sh, sw};
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("x", Tensor.of(input(), 1, 2, 5, 7));
    in.put("scales", Tensor.of(scales, 4));
    NodeProto.Builder n = node(op, mode, "x", "scales");
    compare(op, opset, n, in, KernelHarness.op(op, opset).attr("mode", mode));
  }

  @ParameterizedTest
  @CsvSource({
      "nearest, half_pixel, round_prefer_floor, 1.5, 2.2", "nearest, asymmetric, floor, 0.7, 1.9",
      "nearest, pytorch_half_pixel, ceil, 2, 0.6", "nearest, half_pixel, round_prefer_ceil, 0.8, 3",
      "linear, half_pixel, round_prefer_floor, 1.5, 0.6", "linear, pytorch_half_pixel, floor, 2.5, 1.5",
      "linear, asymmetric, floor, 0.5, 2", "cubic, half_pixel, floor, 1.6, 0.7",
      "cubic, asymmetric, floor, 2, 3", "cubic, pytorch_half_pixel, floor, 0.8, 1.4"})
  void opset13Modes(String mode, String coords, String nearest, float sh, float sw) throws OrtException {
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("x", Tensor.of(input(), 1, 2, 5, 7));
    in.put("roi", Tensor.of(new float[0], 0));
    in.put("scales", Tensor.of(new float[] {1, 1, sh, sw}, 4));
    NodeProto.Builder n = node("Resize", mode, "x", "roi", "scales")
        .addAttribute(stringAttr("coordinate_transformation_mode", coords))
        .addAttribute(stringAttr("nearest_mode", nearest));
    compare("Resize", 13, n, in, KernelHarness.op("Resize", 13).attr("mode", mode)
        .attr(Attribute.of("coordinate_transformation_mode", coords)).attr(Attribute.of("nearest_mode", nearest)));
  }

  private static void compare(String op, int opset, NodeProto.Builder node, Map<String, Tensor> in,
      KernelHarness vireo) throws OrtException {
    Tensor[] args = in.values().toArray(new Tensor[0]);
    Tensor got = vireo.run1(args);
    float[] expected = ort(opset, node, in);
    assertThat(got.floats()).as("%s opset %d", op, opset).containsExactly(expected, within(CLOSE));
  }

  private static NodeProto.Builder node(String op, String mode, String... inputs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).addOutput("y").addAttribute(stringAttr("mode", mode));
    for (String i : inputs) {
      n.addInput(i);
    }
    return n;
  }

  private static AttributeProto stringAttr(String name, String v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(v)).build();
  }

  private static ValueInfoProto floatValue(String name) {
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(1))).build();
  }

  private static float[] ort(int opset, NodeProto.Builder node, Map<String, Tensor> in) throws OrtException {
    GraphProto.Builder g = GraphProto.newBuilder().setName("g").addNode(node).addOutput(floatValue("y"));
    for (String name : in.keySet()) {
      g.addInput(floatValue(name));
    }
    ModelProto m = ModelProto.newBuilder().setIrVersion(7)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(opset)).setGraph(g).build();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new HashMap<>();
    try (OrtSession s = env.createSession(m.toByteArray(), new OrtSession.SessionOptions())) {
      for (Map.Entry<String, Tensor> e : in.entrySet()) {
        feeds.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().floats()),
            e.getValue().shape().longDims()));
      }
      try (OrtSession.Result r = s.run(feeds)) {
        FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
      }
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }
}
