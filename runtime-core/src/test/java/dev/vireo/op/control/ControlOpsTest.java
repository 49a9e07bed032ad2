package dev.vireo.op.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.error.ModelLoadException;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Model;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.op.ShapeInference;
import dev.vireo.op.StandardOps;
import dev.vireo.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlOpsTest {
  /** A subgraph with untyped inputs whose outputs are Identity of the chosen values. */
  private static Graph identities(String name, int inputs, Value... outer) {
    Graph g = new Graph(name, null);
    for (int i = 0; i < inputs; i++) {
      g.inputs().add(new Value(name + "_in" + i, null));
    }
    java.util.ArrayList<Node> nodes = new java.util.ArrayList<>();
    List<Value> sources = new java.util.ArrayList<>(g.inputs());
    sources.addAll(List.of(outer));
    for (Value v : sources) {
      Value out = new Value(name + "_" + v.name() + "_out", null);
      nodes.add(new Node(name + "_id_" + v.name(), "", "Identity", 17, List.of(v), List.of(out), Map.of()));
      g.outputs().add(out);
    }
    g.setNodes(nodes);
    return g;
  }

  private static Model infer(GraphBuilder b) {
    Model m = b.build();
    ShapeInference.run(m.graph(), StandardOps.registry());
    return m;
  }

  @Test
  void ifKeepsWhatBothBranchesHaveInCommon() {
    GraphBuilder b = new GraphBuilder("if", 17);
    Value cond = b.input("cond", DType.BOOL, new Dim[0]);
    Value x = b.input("x", DType.FLOAT, 2, 3);
    Value y = b.input("y", DType.FLOAT, 2, 4);
    Value out = b.op("If", List.of(Attribute.of("then_branch", identities("then", 0, x)),
        Attribute.of("else_branch", identities("else", 0, y))), cond);
    b.output(out);
    infer(b);
    assertThat(out.type().toString()).isEqualTo("f32[2,?]");
  }

  @Test
  void scanTypesItsBodyAndInsertsTheSequenceLength() {
    GraphBuilder b = new GraphBuilder("scan", 17);
    Value s = b.input("s", DType.FLOAT, 2);
    Value x = b.input("x", DType.FLOAT, 2, 5);
    Graph body = identities("body", 2);
    Value[] outs = b.ops("Scan", null, 2, List.of(Attribute.of("body", body), Attribute.of("num_scan_inputs", 1L),
        Attribute.ints("scan_input_axes", 1), Attribute.ints("scan_output_axes", -1)), s, x);
    b.output(outs[0]).output(outs[1]);
    infer(b);
    assertThat(body.inputs().get(1).type().toString()).isEqualTo("f32[2]");
    assertThat(outs[0].type().toString()).isEqualTo("f32[2]");
    assertThat(outs[1].type().toString()).isEqualTo("f32[2,5]");
  }

  @Test
  void loopScanOutputsGainALeadingUnknownDim() {
    GraphBuilder b = new GraphBuilder("loop", 17);
    Value m = b.input("M", DType.INT64, new Dim[0]);
    Value v = b.input("v", DType.FLOAT, 3);
    Graph body = identities("body", 3);
    // outputs: cond (Identity of cond_in), v, then the iteration number as a scan output
    Value[] outs = b.ops("Loop", null, 2, List.of(Attribute.of("body", reorder(body))), m, null, v);
    b.output(outs[0]).output(outs[1]);
    infer(b);
    assertThat(body.inputs().get(0).type().toString()).isEqualTo("i64[]");
    assertThat(outs[0].type().toString()).isEqualTo("f32[*]");
    assertThat(outs[1].type().toString()).isEqualTo("i64[?]");
  }

  /** Body outputs (i, cond, v) reordered to (cond, v, i). */
  private static Graph reorder(Graph body) {
    List<Value> o = List.copyOf(body.outputs());
    body.outputs().clear();
    body.outputs().addAll(List.of(o.get(1), o.get(2), o.get(0)));
    return body;
  }

  @Test
  void rejectsAScanWhoseBodyDoesNotFit() {
    GraphBuilder b = new GraphBuilder("scan", 17);
    Value x = b.input("x", DType.FLOAT, 2, 5);
    b.output(b.op("Scan", List.of(Attribute.of("body", identities("body", 2)), Attribute.of("num_scan_inputs", 1L)),
        x));
    assertThatThrownBy(() -> infer(b)).isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("num_scan_inputs 1, 1 inputs and 2 body inputs do not fit together");
  }
}
