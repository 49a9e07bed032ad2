package dev.vireo.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Helpers for pass tests: optimize a fresh model, list its ops, compare outputs across levels. */
public final class PassTesting {
  /** Relative and absolute tolerance of optimized vs unoptimized outputs (folds reorder float math). */
  public static final double CLOSE = 1e-5;

  private PassTesting() {}

  /** Optimizes a model at a level with Vireo's kernels. */
  public static Optimizer.Result optimize(Model m, OptimizationLevel level, boolean portable) {
    return Optimizer.standard().optimize(m, level, portable, StandardKernels.registry());
  }

  /** The op types of the main graph, in order, domain-qualified outside ai.onnx. */
  public static List<String> ops(Model m) {
    return m.graph().nodes().stream()
        .map(n -> n.domain().isEmpty() ? n.opType() : n.domain() + ":" + n.opType()).toList();
  }

  /** A node of the main graph by op type (the first). */
  public static Node node(Model m, String opType) {
    return m.graph().nodes().stream().filter(n -> n.opType().equals(opType)).findFirst().orElseThrow();
  }

  /** Uniform floats in [-1, 1), seeded. */
  public static Tensor random(long seed, int... dims) {
    SplittableRandom r = new SplittableRandom(seed);
    Shape s = Shape.of(dims);
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return Tensor.wrap(DType.FLOAT, s, d);
  }

  /**
   * Runs fresh copies of a model unoptimized and at {@code level} and asserts equal outputs
   * within {@link #CLOSE}.
   */
  public static void assertSameOutputs(Supplier<Model> model, OptimizationLevel level, Map<String, Tensor> feeds) {
    Map<String, Tensor> expected;
    try (Session s = Vireo.create(model.get(), SessionOptions.defaults().withThreads(1)
        .withOptimization(OptimizationLevel.NONE))) {
      expected = s.run(feeds);
    }
    try (Session s = Vireo.create(model.get(), SessionOptions.defaults().withThreads(1).withOptimization(level))) {
      Map<String, Tensor> actual = s.run(feeds);
      assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
      for (String k : expected.keySet()) {
        assertClose(actual.get(k), expected.get(k), k);
      }
    }
  }

  static void assertClose(Tensor actual, Tensor expected, String name) {
    assertThat(actual.shape()).as(name).isEqualTo(expected.shape());
    assertThat(actual.dtype()).as(name).isEqualTo(expected.dtype());
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.getDouble(i);
      double a = actual.getDouble(i);
      assertThat(Math.abs(a - e)).as("%s[%d]: %s vs %s", name, i, a, e)
          .isLessThanOrEqualTo(CLOSE + CLOSE * Math.abs(e));
    }
  }
}
