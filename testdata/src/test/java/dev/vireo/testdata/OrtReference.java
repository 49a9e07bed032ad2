package dev.vireo.testdata;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a model in onnxruntime (the reference) with Vireo tensors in and out. Test scope only. */
public final class OrtReference implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  /** onnxruntime with its default graph optimizations. */
  public OrtReference(Path model) throws OrtException {
    this(model, true);
  }

  /**
   * @param optimize false runs the graph as written (no fusions), i.e. the ONNX spec's semantics
   *     of each node rather than those of onnxruntime's fused kernels
   */
  public OrtReference(Path model, boolean optimize) throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(1);
    if (!optimize) {
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
    }
    session = env.createSession(model.toString(), o);
  }

  public Map<String, Tensor> run(Map<String, Tensor> inputs) throws OrtException {
    Map<String, OnnxTensor> feeds = new HashMap<>();
    try {
      for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
        feeds.put(e.getKey(), toOrt(e.getValue()));
      }
      Map<String, Tensor> out = new LinkedHashMap<>();
      try (OrtSession.Result r = session.run(feeds)) {
        for (Map.Entry<String, OnnxValue> e : r) {
          out.put(e.getKey(), fromOrt((OnnxTensor) e.getValue()));
        }
      }
      return out;
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private OnnxTensor toOrt(Tensor t) throws OrtException {
    long[] shape = t.shape().longDims();
    return switch (t.dtype()) {
      case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape);
      case DOUBLE -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(t.doubles()), shape);
      case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), shape);
      case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), shape);
      case UINT8 -> OnnxTensor.createTensor(env, ByteBuffer.wrap(t.bytes()), shape, OnnxJavaType.UINT8);
      case INT8 -> OnnxTensor.createTensor(env, ByteBuffer.wrap(t.bytes()), shape, OnnxJavaType.INT8);
      default -> throw new IllegalArgumentException("reference runner does not take " + t.dtype());
    };
  }

  private static Tensor fromOrt(OnnxTensor o) {
    long[] dims = o.getInfo().getShape();
    Shape shape = Shape.of(dims);
    return switch (o.getInfo().type) {
      case FLOAT -> {
        float[] d = new float[shape.size()];
        o.getFloatBuffer().get(d);
        yield Tensor.wrap(DType.FLOAT, shape, d);
      }
      case DOUBLE -> {
        double[] d = new double[shape.size()];
        o.getDoubleBuffer().get(d);
        yield Tensor.wrap(DType.DOUBLE, shape, d);
      }
      case INT64 -> {
        long[] d = new long[shape.size()];
        o.getLongBuffer().get(d);
        yield Tensor.wrap(DType.INT64, shape, d);
      }
      case INT32 -> {
        int[] d = new int[shape.size()];
        o.getIntBuffer().get(d);
        yield Tensor.wrap(DType.INT32, shape, d);
      }
      case UINT8, INT8 -> {
        byte[] d = new byte[shape.size()];
        o.getByteBuffer().get(d);
        yield Tensor.wrap(o.getInfo().type == OnnxJavaType.UINT8 ? DType.UINT8 : DType.INT8, shape, d);
      }
      default -> throw new IllegalArgumentException("reference runner does not return " + o.getInfo().type);
    };
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
