package dev.vireo.op.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionDefTest {
  @Test
  void fourDimensionalWithPastCache() {
    List<ValueType> out = infer(List.of(),
        t(2, 8, 3, 16), t(2, 2, 3, 16), t(2, 2, 3, 32), null, t(2, 2, 5, 16), t(2, 2, 5, 32));
    assertThat(out.get(0)).hasToString("f32[2,8,3,32]");
    assertThat(out.get(1)).hasToString("f32[2,2,8,16]");
    assertThat(out.get(2)).hasToString("f32[2,2,8,32]");
    assertThat(out.get(3)).hasToString("f32[2,8,3,8]");
  }

  @Test
  void threeDimensionalGroupedQueryWithSymbolicBatch() {
    TensorType q = new TensorType(DType.FLOAT, List.of(Dim.symbol("B"), Dim.of(4), Dim.of(64)));
    TensorType k = new TensorType(DType.FLOAT, List.of(Dim.symbol("B"), Dim.of(6), Dim.of(16)));
    TensorType v = new TensorType(DType.FLOAT, List.of(Dim.symbol("B"), Dim.of(6), Dim.of(24)));
    List<ValueType> out = infer(List.of(Attribute.of("q_num_heads", 4L), Attribute.of("kv_num_heads", 1L)), q, k, v);
    assertThat(out.get(0)).hasToString("f32[B,4,96]");
    assertThat(out.get(1)).hasToString("f32[B,1,6,16]");
    assertThat(out.get(3)).hasToString("f32[B,4,4,6]");
  }

  @Test
  void rejectsHeadsThatDoNotGroup() {
    assertThatThrownBy(() -> infer(List.of(), t(1, 3, 2, 4), t(1, 2, 2, 4), t(1, 2, 2, 4)))
        .hasMessageContaining("q heads (3) must be a multiple of kv heads (2)");
    assertThatThrownBy(() -> infer(List.of(Attribute.of("q_num_heads", 3L), Attribute.of("kv_num_heads", 1L)),
        t(1, 2, 10), t(1, 2, 3), t(1, 2, 3)))
        .hasMessageContaining("hidden size 10 is not a multiple of 3 heads");
  }

  private static TensorType t(long... dims) {
    List<Dim> d = new ArrayList<>();
    for (long x : dims) {
      d.add(Dim.of(x));
    }
    return new TensorType(DType.FLOAT, d);
  }

  private static List<ValueType> infer(List<Attribute> attrs, TensorType... inputs) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      in.add(inputs[i] == null ? null : new Value("in" + i, inputs[i]));
    }
    List<Value> out = List.of(new Value("y", null), new Value("pk", null), new Value("pv", null), new Value("qk", null));
    Map<String, Attribute> a = new LinkedHashMap<>();
    attrs.forEach(x -> a.put(x.name(), x));
    return new AttentionDef().infer(new InferenceContext(new Node("att", "", "Attention", 23, in, out, a)));
  }
}
