package dev.vireo.onnx.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.onnx.GraphText;
import dev.vireo.onnx.load.OnnxLoader;
import dev.vireo.onnx.proto.ModelProto;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxWriterTest {
  @TempDir Path dir;

  private static Map<String, Attribute> attrs(Attribute... as) {
    Map<String, Attribute> m = new LinkedHashMap<>();
    for (Attribute a : as) {
      m.put(a.name(), a);
    }
    return m;
  }

  /** A model exercising inputs-as-initializers, omitted optionals, every attribute kind and a subgraph. */
  private static Model sample() {
    Graph g = new Graph("main", null);
    Value x = new Value("x", new ValueType.TensorType(DType.FLOAT, List.of(Dim.symbol("n"), Dim.of(3))));
    Value w = new Value("w", ValueType.TensorType.of(DType.FLOAT, Shape.of(3)));
    w.setInitializer(Tensor.of(new float[] {1, 2, 3}, 3));
    Value k = new Value("k", null);
    k.setInitializer(Tensor.wrap(DType.INT4, Shape.of(3), new byte[] {-8, 0, 7}));
    Value c = new Value("cond", ValueType.TensorType.of(DType.BOOL, Shape.SCALAR));
    g.inputs().addAll(List.of(x, w, c));
    g.initializers().addAll(List.of(w, k));
    Value t = new Value("t", null);
    Value y = new Value("y", new ValueType.TensorType(DType.FLOAT, null));
    Graph then = new Graph("then", g);
    Value tb = new Value("tb", null);
    then.nodes().add(new Node("neg", "", "Neg", 17, List.of(t), List.of(tb), Map.of()));
    then.outputs().add(tb);
    Graph els = new Graph("else", g);
    els.outputs().add(x);
    g.nodes().add(new Node("mul", "", "Mul", 17, List.of(x, w), List.of(t), attrs(
        Attribute.of("f", 0.5f), Attribute.of("i", -3L), Attribute.of("s", "ü"),
        Attribute.of("t", Tensor.of(new String[] {"a", "b"}, 2)),
        Attribute.floats("fs", 1f, 2f), Attribute.ints("is", 4, 5),
        Attribute.strings("ss", List.of("p", "q")),
        new Attribute("ts", Attribute.Kind.TENSORS, List.of(Tensor.scalar(7L))),
        new Attribute("sp", Attribute.Kind.SPARSE_TENSOR, Tensor.of(new float[] {0, 4, 0, 5}, 2, 2)),
        new Attribute("ty", Attribute.Kind.TYPE, new ValueType.SequenceType(ValueType.TensorType.unknownShape(DType.INT64))),
        new Attribute("tys", Attribute.Kind.TYPES, List.of(new ValueType.MapType(DType.STRING, ValueType.TensorType.of(DType.FLOAT, Shape.of(1))))))));
    g.nodes().add(new Node("if", "", "If", 17, List.of(c), List.of(y), attrs(
        Attribute.of("then_branch", then), Attribute.of("else_branch", els))));
    Value z = new Value("z", null);
    g.nodes().add(new Node("clip", "", "Clip", 17, java.util.Arrays.asList(y, null, k), java.util.Arrays.asList(z, null), Map.of()));
    g.outputs().add(z);
    g.metadata().put("gk", "gv");
    return new Model(g, Map.of("", 17), 9, "vireo-test", "0.1", "dev.test", 3, "doc",
        Map.of("author", "me"), null);
  }

  @Test
  void roundTripKeepsGraphAndTensors() throws Exception {
    Model m = sample();
    ModelProto p = OnnxWriter.toProto(m);
    Path file = dir.resolve("out.onnx");
    OnnxWriter.write(m, file);
    assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(p.toByteArray());
    Model back = OnnxLoader.load(file);
    assertThat(back.irVersion()).isEqualTo(9);
    assertThat(back.producerName()).isEqualTo("vireo-test");
    assertThat(back.producerVersion()).isEqualTo("0.1");
    assertThat(back.domain()).isEqualTo("dev.test");
    assertThat(back.modelVersion()).isEqualTo(3);
    assertThat(back.docString()).isEqualTo("doc");
    assertThat(back.metadata()).isEqualTo(Map.of("author", "me"));
    assertThat(back.opsetImports()).isEqualTo(Map.of("", 17));
    assertThat(back.graph().metadata()).isEqualTo(Map.of("gk", "gv"));
    assertThat(GraphText.describe(back.graph())).isEqualTo(GraphText.describe(m.graph()));
    // the outer-scope reference in the subgraph is the main graph's value again
    Graph then = back.graph().nodes().get(1).attrGraph("then_branch");
    assertThat(then.nodes().get(0).input(0)).isSameAs(back.graph().nodes().get(0).output(0));
    // and a second round trip produces identical bytes
    assertThat(OnnxWriter.toProto(back).toByteArray()).isEqualTo(p.toByteArray());
  }

  @Test
  void encodesRawLittleEndianAndStrings() {
    var p = TensorEncoder.encode(Tensor.of(new int[] {1, 0x01020304}, 2), "v");
    assertThat(p.getName()).isEqualTo("v");
    assertThat(p.getDataType()).isEqualTo(6);
    assertThat(p.getDimsList()).containsExactly(2L);
    assertThat(p.getRawData().toByteArray()).containsExactly(1, 0, 0, 0, 4, 3, 2, 1);
    var s = TensorEncoder.encode(Tensor.of(new String[] {"é"}, 1), null);
    assertThat(s.hasName()).isFalse();
    assertThat(s.getStringData(0).toByteArray()).containsExactly(0xc3, 0xa9);
    var i4 = TensorEncoder.encode(Tensor.wrap(DType.INT4, Shape.of(3), new byte[] {-1, 2, 3}), "q");
    assertThat(i4.getRawData().toByteArray()).containsExactly(0x2f, 0x03);
  }
}
