package dev.vireo.kernel.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.error.InferenceException;
import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sequence kernels through sessions, with the standard registry. */
class SequenceKernelsTest {
  private static final int OPSET = 17;
  private static final Tensor A = Tensor.of(new float[] {1, 2}, 2);
  private static final Tensor B = Tensor.of(new float[] {3, 4, 5}, 3);
  private static final Tensor C = Tensor.of(new float[] {6}, 1);

  private static Session session(Model m) {
    return Vireo.create(m, SessionOptions.defaults().withThreads(1));
  }

  /** A graph over inputs a, b, c (f32 vectors) and i (i64 scalar), with a seq built from a, b, c. */
  private record Fixture(GraphBuilder b, Value seq, Value i, Value a) {}

  private static Fixture fixture() {
    GraphBuilder b = new GraphBuilder("seq", OPSET);
    Value a = b.input("a", DType.FLOAT, Dim.unknown());
    Value bb = b.input("b", DType.FLOAT, Dim.unknown());
    Value c = b.input("c", DType.FLOAT, Dim.unknown());
    Value i = b.input("i", DType.INT64, new Dim[0]);
    return new Fixture(b, b.op("SequenceConstruct", a, bb, c), i, a);
  }

  private static Map<String, Object> run(Model m, long i) {
    try (Session s = session(m)) {
      return s.runValues(Map.of("a", A, "b", B, "c", C, "i", Tensor.scalar(i)));
    }
  }

  @Test
  void constructAtAndLength() {
    Fixture f = fixture();
    f.b().output(f.b().named("at", "SequenceAt", List.of(), f.seq(), f.i()));
    f.b().output(f.b().named("n", "SequenceLength", List.of(), f.seq()));
    f.b().output(f.seq());
    Model m = f.b().build();
    Map<String, Object> out = run(m, 1);
    assertThat(m.graph().outputs().get(0).type().toString()).isEqualTo("f32[?]");
    assertThat(m.graph().outputs().get(2).type().toString()).isEqualTo("seq(f32[?])");
    assertThat(out.get("at")).isEqualTo(B);
    assertThat(((Tensor) out.get("n")).longs()).containsExactly(3);
    assertThat(((TensorSequence) out.values().toArray()[2]).tensors()).containsExactly(A, B, C);
    assertThat(run(m, -1).get("at")).isEqualTo(C);
    assertThat(run(m, -3).get("at")).isEqualTo(A);
  }

  @Test
  void atOutOfRangeSaysWhatIsValid() {
    Fixture f = fixture();
    f.b().output(f.b().named("at", "SequenceAt", List.of(), f.seq(), f.i()));
    Model m = f.b().build();
    assertThatThrownBy(() -> run(m, 3))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("SequenceAt")
        .hasMessageContaining("position 3 is out of range for a sequence of 3 tensors (valid: [-3, 2])");
    assertThatThrownBy(() -> run(m, -4)).hasMessageContaining("position -4 is out of range");
  }

  @Test
  void insertAppendsByDefaultOrBeforeAPosition() {
    Fixture f = fixture();
    f.b().output(f.b().named("end", "SequenceInsert", List.of(), f.seq(), f.a()));
    f.b().output(f.b().named("at", "SequenceInsert", List.of(), f.seq(), f.a(), f.i()));
    Model m = f.b().build();
    Map<String, Object> out = run(m, 1);
    assertThat(((TensorSequence) out.get("end")).tensors()).containsExactly(A, B, C, A);
    assertThat(((TensorSequence) out.get("at")).tensors()).containsExactly(A, A, B, C);
    assertThat(((TensorSequence) run(m, 3).get("at")).tensors()).containsExactly(A, B, C, A);
    assertThat(((TensorSequence) run(m, -1).get("at")).tensors()).containsExactly(A, B, A, C);
    assertThatThrownBy(() -> run(m, 4)).hasMessageContaining("position 4 is out of range for a sequence of 3 "
        + "tensors (valid: [-3, 3])");
  }

  @Test
  void insertRejectsAnotherElementType() {
    GraphBuilder b = new GraphBuilder("seq", OPSET);
    Value x = b.input("x", DType.INT64, 1);
    b.output(b.op("SequenceInsert", b.op("SequenceEmpty"), x));
    Model m = b.build();
    assertThatThrownBy(() -> session(m))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("cannot insert a i64[1] tensor into a sequence of f32[*]");
  }

  @Test
  void eraseRemovesTheLastByDefaultOrAPosition() {
    Fixture f = fixture();
    f.b().output(f.b().named("last", "SequenceErase", List.of(), f.seq()));
    f.b().output(f.b().named("at", "SequenceErase", List.of(), f.seq(), f.i()));
    Model m = f.b().build();
    Map<String, Object> out = run(m, 0);
    assertThat(((TensorSequence) out.get("last")).tensors()).containsExactly(A, B);
    assertThat(((TensorSequence) out.get("at")).tensors()).containsExactly(B, C);
    assertThat(((TensorSequence) run(m, -2).get("at")).tensors()).containsExactly(A, C);
    assertThatThrownBy(() -> run(m, 3)).hasMessageContaining("position 3 is out of range");
  }

  @Test
  void emptySequenceHasItsDtypeAndLengthZero() {
    GraphBuilder b = new GraphBuilder("seq", OPSET);
    Value e = b.op("SequenceEmpty", List.of(Attribute.of("dtype", (long) DType.INT32.onnxCode())));
    b.output(b.named("n", "SequenceLength", List.of(), e));
    b.output(e);
    Model m = b.build();
    try (Session s = session(m)) {
      Map<String, Object> out = s.runValues(Map.of());
      assertThat(((Tensor) out.get("n")).longs()).containsExactly(0);
      TensorSequence seq = (TensorSequence) out.values().toArray()[1];
      assertThat(seq.elemType()).isEqualTo(DType.INT32);
      assertThat(seq.size()).isZero();
    }
    assertThat(m.graph().outputs().get(1).type()).isEqualTo(
        new ValueType.SequenceType(new ValueType.TensorType(DType.INT32, null)));
  }
}
