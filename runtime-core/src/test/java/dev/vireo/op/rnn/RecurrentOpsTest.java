package dev.vireo.op.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.StandardOps;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrentOpsTest {
  private static Value typed(String name, DType t, Dim... dims) {
    return new Value(name, new TensorType(t, List.of(dims)));
  }

  private static List<String> infer(String op, int outputs, Map<String, Attribute> attrs,
      Value... inputs) {
    List<Value> outs = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      outs.add(new Value("o" + i, null));
    }
    Node n = new Node("n", "", op, 22, Arrays.asList(inputs), outs, attrs);
    List<ValueType> types = StandardOps.registry().find("", op).infer(new InferenceContext(n));
    return types.stream().map(String::valueOf).toList();
  }

  private static Map<String, Attribute> attrs(Attribute... a) {
    Map<String, Attribute> m = new LinkedHashMap<>();
    for (Attribute x : a) {
      m.put(x.name(), x);
    }
    return m;
  }

  @Test
  void lstmLayoutZeroKeepsSymbolicSeqAndBatch() {
    List<String> out = infer("LSTM", 3,
        attrs(Attribute.of("hidden_size", 5L), Attribute.of("direction", "bidirectional")),
        typed("x", DType.FLOAT, Dim.symbol("seq"), Dim.symbol("batch"), Dim.of(3)),
        typed("w", DType.FLOAT, Dim.of(2), Dim.of(20), Dim.of(3)),
        typed("r", DType.FLOAT, Dim.of(2), Dim.of(20), Dim.of(5)));
    assertThat(out).containsExactly(
        "f32[seq,2,batch,5]", "f32[2,batch,5]", "f32[2,batch,5]");
  }

  @Test
  void gruLayoutOneTakesHiddenSizeFromR() {
    List<String> out = infer("GRU", 2, attrs(Attribute.of("layout", 1L)),
        typed("x", DType.FLOAT16, Dim.of(4), Dim.of(7), Dim.of(3)),
        typed("w", DType.FLOAT16, Dim.of(1), Dim.of(6), Dim.of(3)),
        typed("r", DType.FLOAT16, Dim.of(1), Dim.of(6), Dim.of(2)));
    assertThat(out).containsExactly("f16[4,7,1,2]", "f16[4,1,2]");
  }

  @Test
  void rnnWithUnknownShapesGivesUnknownDims() {
    List<String> out = infer("RNN", 2, attrs(),
        new Value("x", null), new Value("w", null), new Value("r", null));
    assertThat(out).containsExactly("?[?,1,?,?]", "?[1,?,?]");
  }

  @Test
  void rejectsContradictions() {
    Value x = typed("x", DType.FLOAT, Dim.of(4), Dim.of(2), Dim.of(3));
    assertThatThrownBy(() -> infer("GRU", 2, attrs(Attribute.of("hidden_size", 5L)), x,
        typed("w", DType.FLOAT, Dim.of(1), Dim.of(20), Dim.of(3)),
        typed("r", DType.FLOAT, Dim.of(1), Dim.of(15), Dim.of(5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GRU: W f32[1,20,3] has 20 at axis 1, expected 15"
            + " (X f32[4,2,3], R f32[1,15,5])");
    assertThatThrownBy(() -> infer("RNN", 2, attrs(), x,
        typed("w", DType.DOUBLE, Dim.of(1), Dim.of(5), Dim.of(3)),
        typed("r", DType.FLOAT, Dim.of(1), Dim.of(5), Dim.of(5))))
        .hasMessage("RNN: W is f64[1,5,3], expected element type f32 as X f32[4,2,3]");
    assertThatThrownBy(() -> infer("RNN", 2, attrs(), x,
        typed("w", DType.FLOAT, Dim.of(1), Dim.of(5), Dim.of(4)),
        typed("r", DType.FLOAT, Dim.of(1), Dim.of(5), Dim.of(5))))
        .hasMessage("RNN: W f32[1,5,4] has input size 4, X f32[4,2,3] has 3");
    assertThatThrownBy(() -> infer("LSTM", 3, attrs(Attribute.of("direction", "sideways")), x,
        new Value("w", null), new Value("r", null)))
        .hasMessageContaining("unknown direction 'sideways'");
  }
}
