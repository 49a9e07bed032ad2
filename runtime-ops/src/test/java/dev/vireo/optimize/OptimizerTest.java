package dev.vireo.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
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

  @Test
  void leavesTheGivenModelAsItIs() {
    Model m = deadBranch();
    Optimizer.Result r = Optimizer.standard().optimize(m, OptimizationLevel.ALL);
    assertThat(m.graph().nodes()).hasSize(4);
    assertThat(m.graph().initializers()).hasSize(1);
    assertThat(r.model().graph().nodes()).hasSize(1);
    assertThat(r.model().graph().inputs().get(0)).isNotSameAs(m.graph().inputs().get(0));
  }

  /** y = If(c) then Neg(Identity(Relu(x))) else Abs(Relu(x)): the branches read the outer Relu. */
  private static Model withSubgraphs() {
    GraphBuilder b = new GraphBuilder("g", 17);
    Value x = b.input("x", DType.FLOAT, Dim.of(3));
    Value c = b.input("c", DType.BOOL, new Dim[0]);
    Value r = b.op("Relu", x);
    ValueType f3 = new ValueType.TensorType(DType.FLOAT, List.of(Dim.of(3)));
    Graph then = new Graph("then", null);
    Value t1 = new Value("t1", null);
    Value t2 = new Value("t2", f3);
    then.setNodes(List.of(new Node("id", "", "Identity", 17, List.of(r), List.of(t1), Map.of()),
        new Node("neg", "", "Neg", 17, List.of(t1), List.of(t2), Map.of())));
    then.outputs().add(t2);
    Graph otherwise = new Graph("else", null);
    Value e1 = new Value("e1", f3);
    otherwise.setNodes(List.of(new Node("abs", "", "Abs", 17, List.of(r), List.of(e1), Map.of())));
    otherwise.outputs().add(e1);
    b.output(b.named("y", "If", List.of(Attribute.of("then_branch", then), Attribute.of("else_branch", otherwise)), c));
    return b.build();
  }

  @Test
  void optimizesSubgraphsThatReadOuterValues() {
    Optimizer.Result r = Optimizer.standard().optimize(withSubgraphs(), OptimizationLevel.ALL);
    Graph then = r.model().graph().nodes().get(1).attrGraph("then_branch");
    assertThat(then.nodes()).extracting(Node::opType).containsExactly("Neg");
    assertThat(then.nodes().get(0).input(0)).isSameAs(r.model().graph().nodes().get(0).output(0));
    for (boolean cond : new boolean[] {true, false}) {
      Map<String, Tensor> feeds = Map.of("x", Tensor.of(new float[] {-1, 2, -3}, 3),
          "c", Tensor.of(new boolean[] {cond}));
      PassTesting.assertSameOutputs(OptimizerTest::withSubgraphs, OptimizationLevel.ALL, feeds);
    }
  }
}
