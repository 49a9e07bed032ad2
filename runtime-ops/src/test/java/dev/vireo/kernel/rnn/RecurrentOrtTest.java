package dev.vireo.kernel.rnn;

import static dev.vireo.kernel.rnn.RecurrentReference.fn;
import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the readings of the spec that the reference cannot settle on its own (how
 * reversed directions treat sequence_lens, where clip applies, which activation consumes which
 * alpha and beta, input_forget, linear_before_reset) against onnxruntime, through a whole
 * session. onnxruntime supports layout 0 and lengths ≥ 1 only.
 */
class RecurrentOrtTest {
  /** Float32 against float32 with different summation orders. */
  private static final double CLOSE = 1e-5;

  @Test
  void rnnMatchesOnnxruntime() throws Exception {
    for (String direction : new String[] {"forward", "reverse", "bidirectional"}) {
      RecurrentCase c = RecurrentCase.rnn().full();
      c.direction = direction;
      c.lens = new int[] {4, 1, 3};
      c.clip = 0.3f;
      DoubleUnaryOperator[] f = {fn("LeakyRelu", 0.2, 0)};
      DoubleUnaryOperator[] b = {fn("ScaledTanh", 0.7, 1.5)};
      c.activations(List.of("LeakyRelu", "ScaledTanh"), new float[] {0.2f, 0.7f},
          new float[] {1.5f}, f, b);
      compare(c);
    }
  }

  @Test
  void gruMatchesOnnxruntime() throws Exception {
    for (boolean lbr : new boolean[] {false, true}) {
      RecurrentCase c = RecurrentCase.gru().full();
      c.direction = "bidirectional";
      c.linearBeforeReset = lbr;
      c.lens = new int[] {3, 4, 1};
      c.clip = 0.4f;
      c.activations(List.of("HardSigmoid", "LeakyRelu", "Softsign", "Elu"),
          new float[] {0.25f, 0.1f, 0.9f}, new float[] {0.45f},
          new DoubleUnaryOperator[] {fn("HardSigmoid", 0.25, 0.45), fn("LeakyRelu", 0.1, 0)},
          new DoubleUnaryOperator[] {fn("Softsign", 0, 0), fn("Elu", 0.9f, 0)});
      compare(c);
      RecurrentCase plain = RecurrentCase.gru().full();
      plain.direction = "reverse";
      plain.linearBeforeReset = lbr;
      plain.lens = new int[] {2, 4, 3};
      compare(plain);
    }
  }

  @Test
  void lstmMatchesOnnxruntime() throws Exception {
    for (boolean inputForget : new boolean[] {false, true}) {
      RecurrentCase c = RecurrentCase.lstm().full();
      c.direction = "bidirectional";
      c.inputForget = inputForget;
      c.lens = new int[] {4, 2, 3};
      c.clip = 0.5f;
      compare(c);
      c.activations(List.of("HardSigmoid", "Affine", "ScaledTanh", "Sigmoid", "Softplus", "Relu"),
          new float[] {0.3f, 0.8f, 1.2f}, new float[] {0.6f, 0.1f, 0.9f},
          new DoubleUnaryOperator[] {
              fn("HardSigmoid", 0.3f, 0.6f), fn("Affine", 0.8f, 0.1f),
              fn("ScaledTanh", 1.2f, 0.9f)},
          new DoubleUnaryOperator[] {fn("Sigmoid", 0, 0), fn("Softplus", 0, 0), fn("Relu", 0, 0)});
      compare(c);
    }
  }

  /** Runs the case as a one-node model in Vireo and in onnxruntime and compares all outputs. */
  private static void compare(RecurrentCase c) throws Exception {
    Tensor[] in = c.inputs(c.data());
    GraphBuilder b = new GraphBuilder(c.op, 14);
    String[] names = {"X", "W", "R", "B", "sequence_lens", "initial_h", "initial_c", "P"};
    Value[] values = new Value[in.length];
    Map<String, Tensor> feeds = new LinkedHashMap<>();
    for (int i = 0; i < in.length; i++) {
      if (in[i] != null) {
        values[i] = b.input(names[i], in[i].dtype(), in[i].shape().dims());
        feeds.put(names[i], in[i]);
      }
    }
    List<Attribute> attrs = new ArrayList<>(c.attributes().values());
    Value[] outs = b.ops(c.op, "Y", c.op.equals("LSTM") ? 3 : 2, attrs, values);
    for (Value v : outs) {
      b.output(v);
    }
    Model model = b.build();
    byte[] bytes = OnnxWriter.toProto(model).toByteArray();
    Map<String, Tensor> got;
    try (Session s = Vireo.create(model, SessionOptions.defaults())) {
      got = s.run(feeds);
    }
    Map<String, float[]> want = onnxruntime(bytes, feeds);
    assertThat(want).hasSize(outs.length);
    for (Value v : outs) {
      float[] w = want.get(v.name());
      float[] g = got.get(v.name()).floats();
      assertThat(g).as(v.name()).hasSize(w.length);
      for (int i = 0; i < w.length; i++) {
        if (!(Math.abs(g[i] - w[i]) <= CLOSE * (1 + Math.abs(w[i])))) {
          throw new AssertionError(c.op + " " + c.attributes().values() + ": " + v.name() + "["
              + i + "] is " + g[i] + ", onnxruntime gives " + w[i]);
        }
      }
    }
  }

  private static Map<String, float[]> onnxruntime(byte[] model, Map<String, Tensor> feeds)
      throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(1);
    Map<String, OnnxTensor> in = new HashMap<>();
    try (OrtSession s = env.createSession(model, o)) {
      for (Map.Entry<String, Tensor> e : feeds.entrySet()) {
        Tensor t = e.getValue();
        long[] shape = t.shape().longDims();
        in.put(e.getKey(), t.dtype() == DType.INT32
            ? OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), shape)
            : OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape));
      }
      Map<String, float[]> out = new LinkedHashMap<>();
      try (OrtSession.Result r = s.run(in)) {
        for (Map.Entry<String, OnnxValue> e : r) {
          FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
          float[] f = new float[fb.remaining()];
          fb.get(f);
          out.put(e.getKey(), f);
        }
      }
      return out;
    } finally {
      in.values().forEach(OnnxTensor::close);
    }
  }
}
