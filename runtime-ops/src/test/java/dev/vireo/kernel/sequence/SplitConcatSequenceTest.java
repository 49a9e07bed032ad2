package dev.vireo.kernel.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SplitToSequence and ConcatFromSequence through sessions. */
class SplitConcatSequenceTest {
  /** [[0,1,2],[3,4,5]] */
  private static final Tensor X = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);

  private static Object run(List<Attribute> attrs, Tensor split) {
    GraphBuilder b = new GraphBuilder("split", 17);
    Value x = b.input("x", DType.FLOAT, 2, 3);
    Value s = split == null ? null : b.input("split", DType.INT64, split.shape().dims());
    b.output(b.named("out", "SplitToSequence", attrs, split == null ? new Value[] {x} : new Value[] {x, s}));
    Model m = b.build();
    try (Session session = Vireo.create(m, SessionOptions.defaults().withThreads(1))) {
      Map<String, Object> feeds = new HashMap<>(Map.of("x", X));
      if (split != null) {
        feeds.put("split", split);
      }
      return session.runValues(feeds).get("out");
    }
  }

  /** The pieces as strings (type, shape and values): Tensor has identity equality. */
  private static List<String> split(List<Attribute> attrs, Tensor split) {
    return ((TensorSequence) run(attrs, split)).tensors().stream().map(Tensor::toString).toList();
  }

  private static String t(float[] v, int... dims) {
    return Tensor.of(v, dims).toString();
  }

  @Test
  void splitsIntoOnesKeepingOrDroppingTheAxis() {
    assertThat(split(List.of(Attribute.of("axis", 1L)), null)).containsExactly(
        t(new float[] {0, 3}, 2, 1), t(new float[] {1, 4}, 2, 1), t(new float[] {2, 5}, 2, 1));
    assertThat(split(List.of(Attribute.of("axis", -1L), Attribute.of("keepdims", 0L)), null)).containsExactly(
        t(new float[] {0, 3}, 2), t(new float[] {1, 4}, 2), t(new float[] {2, 5}, 2));
    assertThat(split(List.of(), null)).containsExactly(
        t(new float[] {0, 1, 2}, 1, 3), t(new float[] {3, 4, 5}, 1, 3));
  }

  @Test
  void scalarSplitLeavesAShorterLastPiece() {
    assertThat(split(List.of(Attribute.of("axis", 1L)), Tensor.scalar(2L))).containsExactly(
        t(new float[] {0, 1, 3, 4}, 2, 2), t(new float[] {2, 5}, 2, 1));
  }

  @Test
  void listSplitGivesThoseLengths() {
    assertThat(split(List.of(Attribute.of("axis", 1L)), Tensor.of(new long[] {1, 0, 2}, 3))).containsExactly(
        t(new float[] {0, 3}, 2, 1), t(new float[0], 2, 0), t(new float[] {1, 2, 4, 5}, 2, 2));
    assertThatThrownBy(() -> split(List.of(Attribute.of("axis", 1L)), Tensor.of(new long[] {1, 1}, 2)))
        .hasMessageContaining("split lengths sum to 2 but axis 1 of f32[2,3] has length 3");
  }

  private static Tensor concat(List<Attribute> attrs) {
    GraphBuilder b = new GraphBuilder("concat", 17);
    Value x = b.input("x", DType.FLOAT, Dim.unknown(), Dim.unknown());
    Value y = b.input("y", DType.FLOAT, Dim.unknown(), Dim.unknown());
    b.output(b.named("out", "ConcatFromSequence", attrs, b.op("SequenceConstruct", x, y)));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      return (Tensor) s.runValues(Map.of("x", X, "y", Tensor.of(new float[] {6, 7, 8, 9, 10, 11}, 2, 3))).get("out");
    }
  }

  @Test
  void concatenatesAlongAnAxis() {
    Tensor rows = concat(List.of(Attribute.of("axis", 0L)));
    assertThat(rows.shape().dims()).containsExactly(4, 3);
    assertThat(rows.floats()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Tensor cols = concat(List.of(Attribute.of("axis", -1L)));
    assertThat(cols.shape().dims()).containsExactly(2, 6);
    assertThat(cols.floats()).containsExactly(0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11);
  }

  @Test
  void stacksAlongANewAxis() {
    Tensor front = concat(List.of(Attribute.of("axis", 0L), Attribute.of("new_axis", 1L)));
    assertThat(front.shape().dims()).containsExactly(2, 2, 3);
    assertThat(front.floats()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Tensor back = concat(List.of(Attribute.of("axis", -1L), Attribute.of("new_axis", 1L)));
    assertThat(back.shape().dims()).containsExactly(2, 3, 2);
    assertThat(back.floats()).containsExactly(0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11);
  }

  @Test
  void concatOfAnEmptySequenceFails() {
    GraphBuilder b = new GraphBuilder("concat", 17);
    b.output(b.named("out", "ConcatFromSequence", List.of(Attribute.of("axis", 0L)), b.op("SequenceEmpty")));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      assertThatThrownBy(() -> s.runValues(Map.of())).hasMessageContaining("cannot concatenate an empty sequence");
    }
  }
}
