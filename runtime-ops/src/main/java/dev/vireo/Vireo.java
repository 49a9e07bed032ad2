package dev.vireo;

import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Model;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.Optimizer;
import java.nio.file.Path;

/**
 * Entry point: load an ONNX model into a {@link Session}.
 *
 * <pre>{@code
 * try (Session s = Vireo.load(Path.of("model.onnx"))) {
 *   Map<String, Tensor> out = s.run(Map.of("x", Tensor.of(new float[] {1, 2}, 1, 2)));
 * }
 * }</pre>
 */
public final class Vireo {
  private Vireo() {}

  /** Loads a model with default options. */
  public static Session load(Path model) {
    return load(model, SessionOptions.defaults());
  }

  /**
   * Loads, validates and plans a model.
   *
   * @throws ModelLoadException when the file is unreadable or malformed, the graph is invalid,
   *     or operators are missing (then {@link dev.vireo.error.UnsupportedOperatorException}
   *     lists all of them)
   */
  public static Session load(Path model, SessionOptions options) {
    return create(OnnxLoader.load(model), options);
  }

  /**
   * Optimizes (at {@link SessionOptions#optimization()}) and plans an already loaded or built
   * model. The optimizer rewrites a copy of the graph; {@link Session#model()} is the optimized
   * model.
   */
  public static Session create(Model model, SessionOptions options) {
    ShapeInference.run(model.graph(), StandardOps.registry());
    Model optimized = Optimizer.standard().optimize(model, options.optimization()).model();
    return new Session(optimized, StandardKernels.registry(), options);
  }
}
