package dev.vireo.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An onnxruntime session set up the way the benchmarks compare against it: all graph optimizations,
 * {@code threads} intra-op threads, one inter-op thread, inputs created once and reused every call.
 */
final class OrtRunner implements AutoCloseable {
  private final OrtSession session;
  private final Map<String, OnnxTensor> feeds = new LinkedHashMap<>();

  OrtRunner(Path model, int threads) throws OrtException {
    this(model, threads, true);
  }

  /**
   * @param optimize false to run the graph as loaded (onnxruntime's NO_OPT), to compare the two
   *     runtimes' optimizer gains
   */
  OrtRunner(Path model, int threads, boolean optimize) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setOptimizationLevel(optimize
          ? OrtSession.SessionOptions.OptLevel.ALL_OPT
          : OrtSession.SessionOptions.OptLevel.NO_OPT);
      opts.setIntraOpNumThreads(threads);
      opts.setInterOpNumThreads(1);
      opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      session = env.createSession(model.toString(), opts);
    }
  }

  void feed(String name, float[] data, long... shape) throws OrtException {
    feeds.put(name, OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(data), shape));
  }

  void feed(String name, long[] data, long... shape) throws OrtException {
    feeds.put(name, OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), LongBuffer.wrap(data), shape));
  }

  /**
   * Runs once. Outputs stay in native memory and are not copied to Java arrays (Vireo's outputs are
   * not copied either); the native call itself cannot be elided by the JIT.
   */
  int run() throws OrtException {
    try (OrtSession.Result r = session.run(feeds)) {
      return r.size();
    }
  }

  @Override
  public void close() throws OrtException {
    for (OnnxTensor t : feeds.values()) {
      t.close();
    }
    session.close();
  }
}
