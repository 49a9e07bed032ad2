package dev.vireo.kernel.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IfKernelTest {
  private static final int OPSET = 17;

  /** then: x + y (both outer values); else: a [3] constant of the branch itself. */
  private static Model model() {
    GraphBuilder b = new GraphBuilder("if", OPSET);
    Value cond = b.input("cond", DType.BOOL, new Dim[0]);
    Value x = b.input("x", DType.FLOAT, 2);
    Value y = b.constant("y", Tensor.of(new float[] {10, 20}, 2));
    SubgraphBuilder then = new SubgraphBuilder("then", OPSET);
    then.output(then.op("Add", x, y));
    SubgraphBuilder otherwise = new SubgraphBuilder("else", OPSET);
    otherwise.output(otherwise.op("Identity", otherwise.constant("c", Tensor.of(new float[] {7, 8, 9}, 3))));
    b.output(b.named("out", "If", List.of(Attribute.of("then_branch", then.build()),
        Attribute.of("else_branch", otherwise.build())), cond));
    return b.build();
  }

  @Test
  void runsTheBranchTheConditionSelects() {
    try (Session s = Vireo.create(model(), SessionOptions.defaults().withThreads(1))) {
      Tensor x = Tensor.of(new float[] {1, 2}, 2);
      Tensor taken = (Tensor) s.runValues(Map.of("cond", Tensor.of(new boolean[] {true}), "x", x)).get("out");
      assertThat(taken.shape().dims()).containsExactly(2);
      assertThat(taken.floats()).containsExactly(11, 22);
      Tensor other = (Tensor) s.runValues(Map.of("cond", Tensor.of(new boolean[] {false}), "x", x)).get("out");
      assertThat(other.shape().dims()).containsExactly(3);
      assertThat(other.floats()).containsExactly(7, 8, 9);
      assertThat(s.outputs().get(0).type().toString()).isEqualTo("f32[?]");
    }
  }

  @Test
  void branchesMayReturnSequences() {
    GraphBuilder b = new GraphBuilder("if_seq", OPSET);
    Value cond = b.input("cond", DType.BOOL, new Dim[0]);
    Value x = b.input("x", DType.FLOAT, 2);
    SubgraphBuilder then = new SubgraphBuilder("then", OPSET);
    then.output(then.op("SequenceConstruct", x, x));
    SubgraphBuilder otherwise = new SubgraphBuilder("else", OPSET);
    otherwise.output(otherwise.op("SequenceEmpty"));
    b.output(b.named("out", "If", List.of(Attribute.of("then_branch", then.build()),
        Attribute.of("else_branch", otherwise.build())), cond));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      Tensor xv = Tensor.of(new float[] {1, 2}, 2);
      TensorSequence yes = (TensorSequence) s.runValues(Map.of("cond", Tensor.of(new boolean[] {true}), "x", xv))
          .get("out");
      assertThat(yes.tensors()).containsExactly(xv, xv);
      TensorSequence no = (TensorSequence) s.runValues(Map.of("cond", Tensor.of(new boolean[] {false}), "x", xv))
          .get("out");
      assertThat(no.size()).isZero();
    }
  }

  @Test
  void rejectsBranchesWithTheWrongNumberOfOutputs() {
    GraphBuilder b = new GraphBuilder("if_bad", OPSET);
    Value cond = b.input("cond", DType.BOOL, new Dim[0]);
    Value x = b.input("x", DType.FLOAT, 2);
    SubgraphBuilder then = new SubgraphBuilder("then", OPSET);
    then.output(then.op("Identity", x), then.op("Identity", x));
    SubgraphBuilder otherwise = new SubgraphBuilder("else", OPSET);
    otherwise.output(otherwise.op("Identity", x));
    Graph t = then.build();
    b.output(b.named("out", "If", List.of(Attribute.of("then_branch", t),
        Attribute.of("else_branch", otherwise.build())), cond));
    Model m = b.build();
    assertThatThrownBy(() -> Vireo.create(m, SessionOptions.defaults().withThreads(1)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("the node has 1 outputs but then_branch has 2 and else_branch 1");
  }

  @Test
  void rejectsAConditionOfSeveralElements() {
    GraphBuilder b = new GraphBuilder("if", OPSET);
    Value cond = b.input("cond", DType.BOOL, 2);
    Value x = b.input("x", DType.FLOAT, 2);
    SubgraphBuilder then = new SubgraphBuilder("then", OPSET);
    then.output(then.op("Identity", x));
    SubgraphBuilder otherwise = new SubgraphBuilder("else", OPSET);
    otherwise.output(otherwise.op("Identity", x));
    b.output(b.named("out", "If", List.of(Attribute.of("then_branch", then.build()),
        Attribute.of("else_branch", otherwise.build())), cond));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      assertThatThrownBy(() -> s.runValues(Map.of("cond", Tensor.of(new boolean[] {true, false}, 2),
          "x", Tensor.of(new float[] {1, 2}, 2))))
          .hasMessageContaining("cond must hold one element, got bool[2]");
    }
  }
}
