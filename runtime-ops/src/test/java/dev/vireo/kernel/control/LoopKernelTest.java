package dev.vireo.kernel.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopKernelTest {
  private static final int OPSET = 17;

  /**
   * Loop(M?, cond?, sum) whose body adds the iteration number and the outer {@code step} to the
   * carried i64 {@code sum}, continues while {@code i < limit} (an outer value), and scans the
   * new sum and a [2] pair (i, i).
   */
  private static Session session(boolean withM, boolean withCond) {
    GraphBuilder b = new GraphBuilder("loop", OPSET);
    Value m = withM ? b.input("M", DType.INT64, new Dim[0]) : null;
    Value cond = withCond ? b.input("cond", DType.BOOL, new Dim[0]) : null;
    Value sum = b.input("sum", DType.INT64, new Dim[0]);
    Value step = b.input("step", DType.INT64, new Dim[0]);
    Value limit = b.input("limit", DType.INT64, new Dim[0]);
    SubgraphBuilder body = new SubgraphBuilder("body", OPSET);
    Value i = body.input("i");
    body.input("cond_in");
    Value sumIn = body.input("sum_in");
    Value next = body.op("Add", body.op("Add", sumIn, i), step);
    Value pair = body.op("Add", i, body.constant("zeros", Tensor.of(new long[] {0, 0}, 2)));
    body.output(body.op("Less", i, limit), next,
        SubgraphBuilder.declare(body.op("Identity", next), DType.INT64),
        SubgraphBuilder.declare(pair, DType.INT64, 2));
    Value[] outs = b.ops("Loop", "final", 3, List.of(Attribute.of("body", body.build())), m, cond, sum);
    b.output(outs[0]).output(outs[1]).output(outs[2]);
    return Vireo.create(b.build(), SessionOptions.defaults().withThreads(1));
  }

  private static Map<String, Object> run(Session s, Long m, Boolean cond, long limit) {
    Map<String, Object> feeds = new HashMap<>();
    if (m != null) {
      feeds.put("M", Tensor.scalar(m));
    }
    if (cond != null) {
      feeds.put("cond", Tensor.of(new boolean[] {cond}));
    }
    feeds.put("sum", Tensor.scalar(100L));
    feeds.put("step", Tensor.scalar(10L));
    feeds.put("limit", Tensor.scalar(limit));
    return s.runValues(feeds);
  }

  private static Tensor output(Map<String, Object> out, int k) {
    return (Tensor) out.values().toArray()[k];
  }

  @Test
  void tripCountOnly() {
    try (Session s = session(true, false)) {
      Map<String, Object> out = run(s, 3L, null, 100);
      // sums: 100+0+10=110, 110+1+10=121, 121+2+10=133
      assertThat(output(out, 0).longs()).containsExactly(133);
      assertThat(output(out, 1).shape().dims()).containsExactly(3);
      assertThat(output(out, 1).longs()).containsExactly(110, 121, 133);
      assertThat(output(out, 2).shape().dims()).containsExactly(3, 2);
      assertThat(output(out, 2).longs()).containsExactly(0, 0, 1, 1, 2, 2);
    }
  }

  @Test
  void conditionOnlyRunsUntilTheBodySaysStop() {
    try (Session s = session(false, true)) {
      // i = 0, 1 continue (i < 2); i = 2 runs and stops
      Map<String, Object> out = run(s, null, true, 2);
      assertThat(output(out, 0).longs()).containsExactly(133);
      assertThat(output(out, 1).longs()).containsExactly(110, 121, 133);
    }
  }

  @Test
  void withNeitherInputTheBodyConditionStillStops() {
    try (Session s = session(false, false)) {
      Map<String, Object> out = run(s, null, null, 0);
      assertThat(output(out, 1).longs()).containsExactly(110);
    }
  }

  @Test
  void bothStopAtWhicheverComesFirst() {
    try (Session s = session(true, true)) {
      assertThat(output(run(s, 2L, true, 100), 1).longs()).containsExactly(110, 121);
      assertThat(output(run(s, 100L, true, 1), 1).longs()).containsExactly(110, 121);
    }
  }

  @Test
  void zeroIterationsReturnTheInitialValuesAndEmptyScans() {
    try (Session s = session(true, true)) {
      for (Map<String, Object> out : List.of(run(s, 0L, true, 5), run(s, 5L, false, 5))) {
        assertThat(output(out, 0).longs()).containsExactly(100);
        assertThat(output(out, 1).shape().dims()).containsExactly(0);
        assertThat(output(out, 1).dtype()).isEqualTo(DType.INT64);
        assertThat(output(out, 2).shape().dims()).containsExactly(0, 2);
      }
    }
  }

  @Test
  void carriesSequences() {
    GraphBuilder b = new GraphBuilder("loop_seq", OPSET);
    Value m = b.input("M", DType.INT64, new Dim[0]);
    Value x = b.input("x", DType.FLOAT, 2);
    Value empty = b.op("SequenceEmpty");
    SubgraphBuilder body = new SubgraphBuilder("body", OPSET);
    body.input("i");
    Value c = body.input("cond_in");
    Value seq = body.input("seq_in");
    body.output(body.op("Identity", c), body.op("SequenceInsert", seq, x));
    Value out = b.op("Loop", List.of(Attribute.of("body", body.build())), m, null, empty);
    b.output(b.named("n", "SequenceLength", List.of(), out));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      Map<String, Object> r = s.runValues(Map.of("M", Tensor.scalar(4L), "x", Tensor.of(new float[] {1, 2}, 2)));
      assertThat(((Tensor) r.get("n")).longs()).containsExactly(4);
    }
  }

  @Test
  void nestedIfInTheBodyReadsValuesFromTwoScopesUp() {
    GraphBuilder b = new GraphBuilder("nested", OPSET);
    Value m = b.input("M", DType.INT64, new Dim[0]);
    Value flag = b.input("flag", DType.BOOL, new Dim[0]);
    Value big = b.input("big", DType.INT64, new Dim[0]);
    SubgraphBuilder body = new SubgraphBuilder("body", OPSET);
    Value i = body.input("i");
    Value c = body.input("cond_in");
    Value acc = body.input("acc_in");
    SubgraphBuilder then = new SubgraphBuilder("then", OPSET);
    then.output(then.op("Add", acc, big));
    SubgraphBuilder otherwise = new SubgraphBuilder("else", OPSET);
    otherwise.output(otherwise.op("Add", acc, i));
    Value chosen = body.op("If", List.of(Attribute.of("then_branch", then.build()),
        Attribute.of("else_branch", otherwise.build())), flag);
    body.output(body.op("Identity", c), chosen);
    b.output(b.named("acc", "Loop", List.of(Attribute.of("body", body.build())), m, null, b.constant("zero",
        Tensor.scalar(0L))));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      Map<String, Object> feeds = new HashMap<>(Map.of("M", Tensor.scalar(4L), "big", Tensor.scalar(100L)));
      feeds.put("flag", Tensor.of(new boolean[] {true}));
      assertThat(((Tensor) s.runValues(feeds).get("acc")).longs()).containsExactly(400);
      feeds.put("flag", Tensor.of(new boolean[] {false}));
      assertThat(((Tensor) s.runValues(feeds).get("acc")).longs()).containsExactly(6);
    }
  }
}
