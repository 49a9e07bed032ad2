package dev.vireo.kernel.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optional, OptionalHasElement and OptionalGetElement through sessions. */
class OptionalKernelsTest {
  private static final Tensor X = Tensor.of(new float[] {1, 2}, 2);

  private static Session session(GraphBuilder b) {
    return Vireo.create(b.build(), SessionOptions.defaults().withThreads(1));
  }

  private static Attribute floatType() {
    return new Attribute("type", Attribute.Kind.TYPE, new ValueType.TensorType(DType.FLOAT, null));
  }

  @Test
  void wrapsAndUnwrapsATensor() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    Value x = b.input("x", DType.FLOAT, 2);
    Value opt = b.named("opt", "Optional", List.of(), x);
    b.output(opt);
    b.output(b.named("has", "OptionalHasElement", List.of(), opt));
    b.output(b.named("get", "OptionalGetElement", List.of(), opt));
    try (Session s = session(b)) {
      Map<String, Object> out = s.runValues(Map.of("x", X));
      assertThat(out.get("opt")).isEqualTo(OptionalValue.of(X));
      assertThat(((Tensor) out.get("has")).booleans()).containsExactly(true);
      assertThat(out.get("get")).isEqualTo(X);
      assertThat(s.outputs().get(0).type().toString()).isEqualTo("optional(f32[2])");
      assertThat(s.outputs().get(2).type().toString()).isEqualTo("f32[2]");
    }
  }

  @Test
  void anEmptyOptionalHasNoElementAndCannotBeRead() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    Value opt = b.named("opt", "Optional", List.of(floatType()));
    b.output(opt);
    b.output(b.named("has", "OptionalHasElement", List.of(), opt));
    try (Session s = session(b)) {
      Map<String, Object> out = s.runValues(Map.of());
      assertThat(out.get("opt")).isEqualTo(OptionalValue.empty());
      assertThat(((Tensor) out.get("has")).booleans()).containsExactly(false);
    }
    GraphBuilder g = new GraphBuilder("opt", 18);
    g.output(g.op("OptionalGetElement", g.op("Optional", List.of(floatType()))));
    try (Session s = session(g)) {
      assertThatThrownBy(() -> s.runValues(Map.of())).hasMessageContaining("the optional input is empty");
    }
  }

  @Test
  void optionalWithoutInputOrTypeIsRejected() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    b.output(b.op("Optional"));
    assertThatThrownBy(() -> session(b)).hasMessageContaining("an Optional without input needs attribute type");
  }

  @Test
  void opset18AcceptsPlainValuesAndOmittedInputs() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    Value x = b.input("x", DType.FLOAT, 2);
    Value seq = b.op("SequenceConstruct", x);
    b.output(b.named("has_tensor", "OptionalHasElement", List.of(), x));
    b.output(b.named("has_none", "OptionalHasElement", List.of(), (Value) null));
    b.output(b.named("get_seq", "OptionalGetElement", List.of(), seq));
    try (Session s = session(b)) {
      Map<String, Object> out = s.runValues(Map.of("x", X));
      assertThat(((Tensor) out.get("has_tensor")).booleans()).containsExactly(true);
      assertThat(((Tensor) out.get("has_none")).booleans()).containsExactly(false);
      assertThat(((TensorSequence) out.get("get_seq")).tensors()).containsExactly(X);
    }
  }

  @Test
  void optionalOfASequenceFedFromOutside() {
    GraphBuilder b = new GraphBuilder("opt", 18);
    Value x = b.input("x", DType.FLOAT, 2);
    Value opt = b.op("Optional", b.op("SequenceConstruct", x, x));
    b.output(b.named("n", "SequenceLength", List.of(), b.op("OptionalGetElement", opt)));
    try (Session s = session(b)) {
      assertThat(((Tensor) s.runValues(Map.of("x", X)).get("n")).longs()).containsExactly(2);
    }
  }
}
