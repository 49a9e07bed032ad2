package dev.vireo.kernel.transformer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.write.OnnxWriter;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A one-node com.microsoft model run in Vireo and in onnxruntime (optimizations off), for the
 * kernel tests.
 */
final class ContribCase {
  private final String op;
  private final Map<String, Tensor> inputs = new LinkedHashMap<>();
  private final List<String> inputOrder = new ArrayList<>();
  private final List<Attribute> attrs = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private final Map<String, Tensor> constants = new LinkedHashMap<>();

  ContribCase(String op) {
    this.op = op;
  }

  /** Adds input i (null = omitted). */
  ContribCase input(String name, Tensor t) {
    inputOrder.add(t == null ? null : name);
    if (t != null) {
      inputs.put(name, t);
    }
    return this;
  }

  /** Adds input i as an initializer (a constant weight, which kernels may pre-pack). */
  ContribCase constant(String name, Tensor t) {
    inputOrder.add(name);
    constants.put(name, t);
    return this;
  }

  ContribCase attr(Attribute a) {
    attrs.add(a);
    return this;
  }

  /** Adds output i (null = not produced). */
  ContribCase output(String name) {
    outputs.add(name);
    return this;
  }

  Model model() {
    Graph g = new Graph("contrib", null);
    List<Value> ins = new ArrayList<>();
    for (String n : inputOrder) {
      if (n == null) {
        ins.add(null);
        continue;
      }
      Tensor c = constants.get(n);
      if (c != null) {
        Value v = new Value(n, null);
        v.setInitializer(c);
        g.initializers().add(v);
        ins.add(v);
        continue;
      }
      Tensor t = inputs.get(n);
      Value v = new Value(n, ValueType.TensorType.of(t.dtype(), t.shape()));
      g.inputs().add(v);
      ins.add(v);
    }
    List<Value> outs = new ArrayList<>();
    for (String n : outputs) {
      Value v = n == null ? null : new Value(n, null);
      outs.add(v);
      if (v != null) {
        g.outputs().add(v);
      }
    }
    Map<String, Attribute> a = new LinkedHashMap<>();
    attrs.forEach(x -> a.put(x.name(), x));
    g.nodes().add(new Node(op, "com.microsoft", op, 1, ins, outs, a));
    GraphChecker.check(g);
    return Model.of(g, Map.of("", 17, "com.microsoft", 1));
  }

  Map<String, Tensor> runVireo() {
    try (Session s = Vireo.create(model(),
        SessionOptions.defaults().withOptimization(OptimizationLevel.NONE))) {
      return s.run(inputs);
    }
  }

  Map<String, float[]> runOrt() throws Exception {
    byte[] bytes = OnnxWriter.toProto(model()).toByteArray();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(1);
    o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
    Map<String, OnnxTensor> in = new HashMap<>();
    try (OrtSession s = env.createSession(bytes, o)) {
      for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
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

  /** Compares every output with onnxruntime's within {@code tol·(1 + |want|)}. */
  void assertMatchesOrt(double tol) throws Exception {
    Map<String, Tensor> got = runVireo();
    Map<String, float[]> want = runOrt();
    for (Map.Entry<String, float[]> e : want.entrySet()) {
      float[] g = got.get(e.getKey()).floats();
      float[] w = e.getValue();
      if (g.length != w.length) {
        throw new AssertionError(op + " " + e.getKey() + ": " + g.length + " elements, onnxruntime " + w.length);
      }
      for (int i = 0; i < w.length; i++) {
        if (!(Math.abs(g[i] - w[i]) <= tol * (1 + Math.abs(w[i])))) {
          throw new AssertionError(op + " " + attrs + ": " + e.getKey() + "[" + i + "] is " + g[i]
              + ", onnxruntime gives " + w[i]);
        }
      }
    }
  }

  static Tensor random(Random r, float scale, int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * scale);
    }
    return Tensor.of(v, dims);
  }
}
