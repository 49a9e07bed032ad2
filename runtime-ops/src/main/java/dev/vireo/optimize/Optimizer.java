package dev.vireo.optimize;

import dev.vireo.error.ModelLoadException;
import dev.vireo.error.Phase;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphChecker;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the passes of an optimization level over a model: each pass in list order on the main
 * graph and then on every subgraph, the whole list again and again until a round changes nothing
 * (at most {@link #MAX_ROUNDS} rounds). After every pass that changed something the graph is
 * checked and re-sorted ({@link GraphChecker}) and shapes are inferred again, so the next pass sees
 * a valid, typed graph.
 *
 * <p>Shapes are inferred before the first pass. The given model is left as it is: the passes rewrite a copy of its graph (sharing the
 * tensors), and the returned model carries the opset imports the passes added (e.g.
 * com.microsoft for fused ops). With no pass to run (level none) the given model is returned.
 */
public final class Optimizer {
  /** Bound on rounds over the pass list, so that two passes undoing each other cannot loop. */
  public static final int MAX_ROUNDS = 8;

  /** The optimized model and what was done to it. */
  public record Result(Model model, OptimizationReport report) {}

  private final List<GraphPass> passes;

  /** An optimizer running {@code passes} in this order (filtered by level when run). */
  public Optimizer(List<GraphPass> passes) {
    this.passes = List.copyOf(passes);
  }

  /** The optimizer with every pass Vireo ships ({@link StandardPasses}). */
  public static Optimizer standard() {
    return new Optimizer(StandardPasses.all());
  }

  /** The passes, in order. */
  public List<GraphPass> passes() {
    return passes;
  }

  /** This optimizer without the passes of these names (e.g. to switch one off while debugging). */
  public Optimizer without(Set<String> names) {
    return new Optimizer(passes.stream().filter(p -> !names.contains(p.name())).toList());
  }

  /** Optimizes with Vireo's kernels, allowing contrib ops. */
  public Result optimize(Model model, OptimizationLevel level) {
    return optimize(model, level, false, StandardKernels.registry());
  }

  /**
   * Optimizes a model whose graph is checked and sorted (as loaded, or built with GraphBuilder).
   *
   * @param portable true to keep the model to standard ONNX ops (passes that would introduce
   *     other domains do nothing)
   * @param kernels the kernels constant folding runs and fusions check for
   * @throws ModelLoadException (phase optimize) naming the pass that failed or left an invalid graph
   */
  public Result optimize(Model model, OptimizationLevel level, boolean portable, KernelRegistry kernels) {
    long start = System.nanoTime();
    List<GraphPass> active = passes.stream().filter(p -> level.includes(p.level())).toList();
    Map<String, Integer> before = GraphEditor.histogram(model.graph());
    if (active.isEmpty()) {
      return new Result(model, new OptimizationReport(level, List.of(), 0, before, before,
          System.nanoTime() - start));
    }
    Graph g = GraphCopy.copy(model).graph();
    try {
      ShapeInference.run(g, StandardOps.registry());
    } catch (ModelLoadException e) {
      throw new ModelLoadException(Phase.OPTIMIZE, "the graph to optimize is invalid: " + e.getMessage(), e);
    }
    PassContext ctx = new PassContext(model.opsetImports(), kernels, portable);
    List<OptimizationReport.PassRun> runs = new ArrayList<>();
    int round = 0;
    boolean changed = true;
    while (changed && round < MAX_ROUNDS) {
      round++;
      changed = false;
      for (GraphPass pass : active) {
        int nodesBefore = g.totalNodeCount();
        long t0 = System.nanoTime();
        int rewrites;
        try {
          rewrites = applyRecursively(pass, g, ctx);
          if (rewrites > 0) {
            GraphChecker.check(g);
            ShapeInference.run(g, StandardOps.registry());
          }
        } catch (ModelLoadException e) {
          throw new ModelLoadException(Phase.OPTIMIZE,
              "pass " + pass.name() + " left an invalid graph: " + e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new ModelLoadException(Phase.OPTIMIZE, "pass " + pass.name() + " failed: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        runs.add(new OptimizationReport.PassRun(pass.name(), round, nodesBefore, g.totalNodeCount(),
            rewrites, System.nanoTime() - t0));
        changed |= rewrites > 0;
      }
    }
    Model out = new Model(g, ctx.opsets(), model.irVersion(), model.producerName(),
        model.producerVersion(), model.domain(), model.modelVersion(), model.docString(),
        model.metadata(), model.source());
    OptimizationReport report = new OptimizationReport(
        level, runs, round, before, GraphEditor.histogram(g), System.nanoTime() - start);
    return new Result(out, report);
  }

  /** Applies a pass to a graph and then to each subgraph (those present after the rewrite). */
  private static int applyRecursively(GraphPass pass, Graph g, PassContext ctx) {
    int n = pass.apply(g, ctx);
    for (Node node : new ArrayList<>(g.nodes())) {
      for (Attribute a : node.attributes().values()) {
        for (Graph sub : GraphEditor.subgraphs(a)) {
          n += applyRecursively(pass, sub, ctx);
        }
      }
    }
    return n;
  }
}
