package dev.vireo.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.StandardKernels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private static Model deadBranch() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(2));
    Value unusedWeight = b.constant("w", Tensor.of(new float[] {1, 2}, 2));
    Value dead = b.op("Neg", b.op("Add", x, unusedWeight));
    b.op("Abs", dead);
    b.output(b.named("y", "Relu", List.of(), x));
    return b.build();
  }

  @Test
  void runsPassesToAFixpointAndReports() {
    Model m = deadBranch();
    Optimizer.Result r = Optimizer.standard().optimize(m, OptimizationLevel.BASIC);

    Graph g = r.model().graph();
    assertThat(g.nodes()).extracting(Node::opType).containsExactly("Relu");
    assertThat(g.initializers()).isEmpty();
    assertThat(r.report().nodesBefore()).isEqualTo(4);
    assertThat(r.report().nodesAfter()).isEqualTo(1);
    assertThat(r.report().rewrites("dead-code-elimination")).isEqualTo(3);
    assertThat(r.report().rounds()).isEqualTo(2);
    assertThat(r.report().histogramBefore()).containsEntry("Add", 1).containsEntry("Relu", 1);
    assertThat(r.report().histogramAfter()).isEqualTo(Map.of("Relu", 1));
    assertThat(r.report().format()).contains("4 -> 1 nodes").contains("dead-code-elimination");
  }

  @Test
  void levelNoneChangesNothing() {
    Model m = deadBranch();
    Optimizer.Result r = Optimizer.standard().optimize(m, OptimizationLevel.NONE);
    assertThat(r.model().graph().nodes()).hasSize(4);
    assertThat(r.report().rounds()).isZero();
  }

  @Test
  void passesCanBeSwitchedOffByName() {
    Optimizer.Result r = Optimizer.standard().without(java.util.Set.of("dead-code-elimination"))
        .optimize(deadBranch(), OptimizationLevel.ALL);
    assertThat(r.model().graph().nodes()).hasSize(4);
  }

  @Test
  void importedDomainsReachTheModel() {
    GraphPass importer = new GraphPass() {
      @Override
      public String name() {
        return "import";
      }

      @Override
      public OptimizationLevel level() {
        return OptimizationLevel.EXTENDED;
      }

      @Override
      public int apply(Graph graph, PassContext ctx) {
        ctx.importDomain("com.microsoft", 1);
        return 0;
      }
    };
    Optimizer.Result r = new Optimizer(List.of(importer))
        .optimize(deadBranch(), OptimizationLevel.EXTENDED, false, StandardKernels.registry());
    assertThat(r.model().opsetImports()).containsEntry("com.microsoft", 1).containsEntry("", 17);
  }
}
