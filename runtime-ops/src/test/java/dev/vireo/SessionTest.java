package dev.vireo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.error.InferenceException;
import dev.vireo.error.UnsupportedOperatorException;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session behaviour independent of the real kernels: input checks, missing ops, initializer overrides. */
class SessionTest {
  /** "AddT": elementwise a + b of equal-shaped f32 tensors; "Boom" always fails. */
  private static KernelRegistry testRegistry() {
    KernelRegistry r = new KernelRegistry();
    r.add("AddT", 1, node -> (in, ctx) -> {
      float[] a = in[0].floats();
      float[] b = in[1].floats();
      Tensor out = ctx.allocate(DType.FLOAT, in[0].shape());
      for (int i = 0; i < a.length; i++) {
        out.floats()[i] = a[i] + b[i];
      }
      return new Tensor[] {out};
    }, DType.FLOAT);
    r.add("Pair", 1, node -> (dev.vireo.kernel.ValueKernel) (in, ctx) -> new Object[] {
        new dev.vireo.tensor.TensorSequence(DType.FLOAT, List.of((Tensor) in[0], (Tensor) in[1]))});
    // "Outer": returns the last kernel input, which is the outer value its subgraph reads
    r.add("Outer", 1, node -> (in, ctx) -> new Tensor[] {in[in.length - 1]});
    r.add("Boom", 1, node -> (in, ctx) -> {
      throw new IllegalArgumentException("bad things");
    });
    return r;
  }

  private static Model addModel() {
    GraphBuilder b = new GraphBuilder("add", 13);
    Value x = b.input("x", DType.FLOAT, Dim.symbol("N"), Dim.of(2));
    Value y = b.input("y", DType.FLOAT, Dim.symbol("N"), Dim.of(2));
    b.output(b.named("sum", "AddT", List.of(), x, y));
    return b.build();
  }

  private static Session session(Model m) {
    return new Session(m, testRegistry(), SessionOptions.defaults().withThreads(1));
  }

  @Test
  void runsAndNamesOutputs() {
    try (Session s = session(addModel())) {
      Map<String, Tensor> out = s.run(Map.of(
          "x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
          "y", Tensor.of(new float[] {10, 20, 30, 40}, 2, 2)));
      assertThat(out).containsOnlyKeys("sum");
      assertThat(out.get("sum").floats()).containsExactly(11, 22, 33, 44);
      assertThat(s.inputs()).extracting(Session.IoInfo::name).containsExactly("x", "y");
      assertThat(s.inputs().get(0).type().toString()).isEqualTo("f32[N,2]");
    }
  }

  @Test
  void rejectsBadInputsNamingWhatWasExpected() {
    try (Session s = session(addModel())) {
      Tensor ok = Tensor.of(new float[] {1, 2}, 1, 2);
      assertThatThrownBy(() -> s.run(Map.of("x", ok, "y", ok, "z", ok)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown input 'z'; the model's inputs are: x, y");
      assertThatThrownBy(() -> s.run(Map.of("x", ok)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("missing input 'y' (f32[N,2])");
      assertThatThrownBy(() -> s.run(Map.of("x", Tensor.of(new long[] {1, 2}, 1, 2), "y", ok)))
          .hasMessage("input 'x': expected element type f32 (f32[N,2]), given i64[1,2]");
      assertThatThrownBy(() -> s.run(Map.of("x", Tensor.of(new float[] {1, 2}, 2), "y", ok)))
          .hasMessage("input 'x': expected rank 2 (f32[N,2]), given f32[2]");
      assertThatThrownBy(() -> s.run(Map.of("x", Tensor.of(new float[] {1, 2, 3}, 1, 3), "y", ok)))
          .hasMessage("input 'x': dim 1 must be 2 (f32[N,2]), given f32[1,3]");
      Tensor two = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
      assertThatThrownBy(() -> s.run(new java.util.TreeMap<>(Map.of("x", ok, "y", two))))
          .hasMessageContaining("input 'y': dim 0 'N' is 2 but input 'x' set it to 1");
    }
  }

  @Test
  void listsEveryMissingOperatorWithNodeNames() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 2);
    Value a = b.op("Frobnicate", x);
    Value c = b.op("Frobnicate", a);
    Value d = b.op("Twiddle", c);
    b.output(b.op("AddT", d, d));
    Model m = b.build();
    assertThatThrownBy(() -> session(m))
        .isInstanceOf(UnsupportedOperatorException.class)
        .hasMessage("[plan] 2 unsupported operators: ai.onnx Frobnicate opset 13 (node 'Frobnicate_0', "
            + "'Frobnicate_1'); ai.onnx Twiddle opset 13 (node 'Twiddle_2')")
        .satisfies(e -> assertThat(((UnsupportedOperatorException) e).missing()).hasSize(2));
  }

  @Test
  void reportsUnsupportedElementType() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.INT32, 2);
    b.output(b.op("AddT", x, x));
    assertThatThrownBy(() -> session(b.build()))
        .hasMessageContaining("ai.onnx AddT opset 13 for element type i32 (node 'AddT_0')");
  }

  @Test
  void initializerInputsAreOptionalAndOverridable() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 2);
    Value w = b.constant("w", Tensor.of(new float[] {100, 200}, 2));
    b.output(b.named("out", "AddT", List.of(), x, w));
    Model m = b.build();
    m.graph().inputs().add(w); // an initializer that is also a graph input
    try (Session s = session(m)) {
      assertThat(s.inputs()).extracting(Session.IoInfo::name).containsExactly("x");
      Tensor x1 = Tensor.of(new float[] {1, 2}, 2);
      assertThat(s.run(Map.of("x", x1)).get("out").floats()).containsExactly(101, 202);
      assertThat(s.run(Map.of("x", x1, "w", Tensor.of(new float[] {5, 6}, 2))).get("out").floats())
          .containsExactly(6, 8);
    }
  }

  @Test
  void kernelFailureNamesTheNode() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 2);
    b.output(b.op("Boom", x));
    try (Session s = session(b.build())) {
      assertThatThrownBy(() -> s.run(Map.of("x", Tensor.of(new float[] {1, 2}, 2))))
          .isInstanceOf(InferenceException.class)
          .hasMessage("[execute] Boom 'Boom_0' (ai.onnx opset 13): bad things (inputs: f32[2])");
    }
  }

  @Test
  void sequencesFlowThroughRunValues() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 1);
    b.output(b.named("seq", "Pair", List.of(), x, x));
    try (Session s = session(b.build())) {
      Tensor one = Tensor.of(new float[] {1}, 1);
      Object out = s.runValues(Map.of("x", one)).get("seq");
      assertThat(out).isInstanceOf(dev.vireo.tensor.TensorSequence.class);
      assertThat(((dev.vireo.tensor.TensorSequence) out).tensors()).containsExactly(one, one);
      assertThatThrownBy(() -> s.run(Map.of("x", one)))
          .hasMessage("output 'seq' is seq(f32)[2], not a tensor: use runValues");
      assertThatThrownBy(() -> s.runValues(Map.of("x", out)))
          .hasMessage("input 'x': expected f32[1], given seq(f32)[2]");
    }
  }

  @Test
  void subgraphOuterValuesArePassedAfterDeclaredInputs() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 1);
    Value y = b.op("AddT", x, x);
    dev.vireo.ir.Graph body = new dev.vireo.ir.Graph("body", null);
    body.outputs().add(y); // the body only forwards an outer value
    Value out = b.ops("Outer", "out", 1, List.of(dev.vireo.ir.Attribute.of("body", body)), x)[0];
    b.output(out);
    try (Session s = session(b.build())) {
      assertThat(s.run(Map.of("x", Tensor.of(new float[] {3}, 1))).get("out").floats()).containsExactly(6);
    }
  }

  @Test
  void closedSessionRefusesToRun() {
    Session s = session(addModel());
    s.close();
    assertThatThrownBy(() -> s.run(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void profileCountsCallsPerOpTypeOnlyWhenEnabled() {
    GraphBuilder b = new GraphBuilder("m", 13);
    Value x = b.input("x", DType.FLOAT, 2);
    Value y = b.op("AddT", b.op("AddT", x, x), x);
    b.output(y);
    Model m = b.build();
    try (Session s = new Session(m, testRegistry(), SessionOptions.defaults().withThreads(1).withProfiling(true))) {
      Tensor in = Tensor.of(new float[] {1, 2}, 2);
      s.run(Map.of("x", in));
      s.run(Map.of("x", in));
      assertThat(s.profile().entries()).singleElement().satisfies(e -> {
        assertThat(e.op()).isEqualTo("AddT");
        assertThat(e.calls()).isEqualTo(4);
        assertThat(e.nanos()).isPositive();
      });
      assertThat(s.profile().format()).contains("AddT").contains("100.0%");
      s.profile().reset();
      assertThat(s.profile().entries()).isEmpty();
    }
    try (Session s = session(m)) {
      assertThatThrownBy(s::profile).isInstanceOf(IllegalStateException.class).hasMessageContaining("withProfiling");
    }
  }
}
