package dev.vireo.optimize.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Model;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.optimize.GraphEditor;
import dev.vireo.optimize.GraphPass;
import dev.vireo.optimize.OptimizationLevel;
import dev.vireo.optimize.Optimizer;
import dev.vireo.optimize.cleanup.DeadCodeElimination;
import dev.vireo.optimize.cleanup.UnusedInitializerRemoval;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Runs transformer passes on hand-built graphs and compares answers before and after. */
final class FusionTesting {
  /** Float32 reorderings and erf approximations between the decomposed and the fused form. */
  static final double CLOSE = 1e-5;

  private FusionTesting() {}

  /** The model after {@code passes} (plus dead-code removal) at level extended. */
  static Model optimize(Model m, GraphPass... passes) {
    ShapeInference.run(m.graph(), StandardOps.registry());
    List<GraphPass> list = new ArrayList<>(List.of(passes));
    list.add(new DeadCodeElimination());
    list.add(new UnusedInitializerRemoval());
    return new Optimizer(list).optimize(m, OptimizationLevel.EXTENDED, false, StandardKernels.registry()).model();
  }

  static Map<String, Integer> histogram(Model m) {
    return GraphEditor.histogram(m.graph());
  }

  static Map<String, Tensor> run(Model m, Map<String, Tensor> feeds) {
    try (Session s = Vireo.create(m, SessionOptions.defaults().withThreads(1)
        .withOptimization(OptimizationLevel.NONE))) {
      return s.run(feeds);
    }
  }

  /**
   * Builds the model twice, fuses one copy with {@code passes}, checks the fused histogram with
   * {@code check}, and asserts both copies answer {@code feeds} alike.
   */
  static Model fuseAndCompare(Supplier<Model> build, Map<String, Tensor> feeds, GraphPass... passes) {
    Map<String, Tensor> want = run(build.get(), feeds);
    Model fused = optimize(build.get(), passes);
    Map<String, Tensor> got = run(fused, feeds);
    for (Map.Entry<String, Tensor> e : want.entrySet()) {
      float[] w = e.getValue().floats();
      float[] g = got.get(e.getKey()).floats();
      assertThat(g).as(e.getKey()).hasSize(w.length);
      for (int i = 0; i < w.length; i++) {
        if (!(Math.abs(g[i] - w[i]) <= CLOSE * (1 + Math.abs(w[i])))) {
          throw new AssertionError(e.getKey() + "[" + i + "] is " + g[i] + " fused, " + w[i] + " unfused");
        }
      }
    }
    return fused;
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
