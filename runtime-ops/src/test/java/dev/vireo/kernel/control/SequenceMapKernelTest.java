package dev.vireo.kernel.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceMapKernelTest {
  private static final int OPSET = 17;

  /** Maps (a, b) sequences and a tensor t to (a_i + t, a_i * b_i), with a = (x, y) and b = (y, x) or empty. */
  private static Session session(boolean empty) {
    GraphBuilder g = new GraphBuilder("map", OPSET);
    Value x = g.input("x", DType.FLOAT, 2);
    Value y = g.input("y", DType.FLOAT, 2);
    Value t = g.input("t", DType.FLOAT, new Dim[0]);
    Value a = empty ? g.op("SequenceEmpty") : g.op("SequenceConstruct", x, y);
    Value b = empty ? g.op("SequenceEmpty") : g.op("SequenceConstruct", y, x);
    SubgraphBuilder body = new SubgraphBuilder("body", OPSET);
    Value ai = body.input("a_i");
    Value bi = body.input("b_i");
    Value ti = body.input("t");
    body.output(body.op("Add", ai, ti), body.op("Mul", ai, bi));
    Value[] outs = g.ops("SequenceMap", "sums", 2, List.of(Attribute.of("body", body.build())), a, b, t);
    g.output(outs[0]).output(outs[1]);
    return Vireo.create(g.build(), SessionOptions.defaults().withThreads(1));
  }

  private static final Map<String, Object> FEEDS = Map.of("x", Tensor.of(new float[] {1, 2}, 2),
      "y", Tensor.of(new float[] {3, 4}, 2), "t", Tensor.scalar(10f));

  @Test
  void mapsElementsPositionallyAndPassesTensorsWhole() {
    try (Session s = session(false)) {
      Object[] out = s.runValues(FEEDS).values().toArray();
      List<Tensor> sums = ((TensorSequence) out[0]).tensors();
      List<Tensor> products = ((TensorSequence) out[1]).tensors();
      assertThat(sums).hasSize(2);
      assertThat(sums.get(0).floats()).containsExactly(11, 12);
      assertThat(sums.get(1).floats()).containsExactly(13, 14);
      assertThat(products.get(0).floats()).containsExactly(3, 8);
      assertThat(products.get(1).floats()).containsExactly(3, 8);
    }
  }

  @Test
  void anEmptySequenceMapsToEmptySequences() {
    try (Session s = session(true)) {
      Object[] out = s.runValues(FEEDS).values().toArray();
      assertThat(((TensorSequence) out[0]).size()).isZero();
      assertThat(((TensorSequence) out[0]).elemType()).isEqualTo(DType.FLOAT);
    }
  }

  @Test
  void rejectsSequencesOfDifferentLengths() {
    GraphBuilder g = new GraphBuilder("map", OPSET);
    Value x = g.input("x", DType.FLOAT, 2);
    SubgraphBuilder body = new SubgraphBuilder("body", OPSET);
    Value ai = body.input("a_i");
    Value bi = body.input("b_i");
    body.output(body.op("Add", ai, bi));
    g.output(g.op("SequenceMap", List.of(Attribute.of("body", body.build())),
        g.op("SequenceConstruct", x, x), g.op("SequenceConstruct", x)));
    try (Session s = Vireo.create(g.build(), SessionOptions.defaults().withThreads(1))) {
      assertThatThrownBy(() -> s.runValues(Map.of("x", Tensor.of(new float[] {1, 2}, 2))))
          .hasMessageContaining("input 1 has 1 elements, input 0 has 2");
    }
  }
}
