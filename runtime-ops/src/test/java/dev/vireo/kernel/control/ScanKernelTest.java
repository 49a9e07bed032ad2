package dev.vireo.kernel.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.Session;
import dev.vireo.SessionOptions;
import dev.vireo.Vireo;
import dev.vireo.ir.Attribute;
import dev.vireo.ir.GraphBuilder;
import dev.vireo.ir.Value;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanKernelTest {
  /** x = [[1,2],[3,4],[5,6]] as scanned along axis 0; its transpose for axis 1. */
  private static final Tensor ROWS = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
  private static final Tensor COLUMNS = Tensor.of(new float[] {1, 3, 5, 2, 4, 6}, 2, 3);

  /** A running sum: state s [2] plus each slice, scanning out the new state. */
  private static Session cumulativeSum(int opset, int[] xDims, List<Attribute> attributes) {
    GraphBuilder b = new GraphBuilder("scan", opset);
    Value init = b.input("init", DType.FLOAT, 2);
    Value x = b.input("x", DType.FLOAT, xDims);
    SubgraphBuilder body = new SubgraphBuilder("body", opset);
    Value s = body.input("s");
    Value xt = body.input("x_t");
    Value next = body.op("Add", s, xt);
    body.output(next, body.op("Identity", next));
    List<Attribute> attrs = new ArrayList<>(attributes);
    attrs.add(Attribute.of("body", body.build()));
    attrs.add(Attribute.of("num_scan_inputs", 1L));
    Value[] outs = b.ops("Scan", "final", 2, attrs, init, x);
    b.output(outs[0]).output(outs[1]);
    return Vireo.create(b.build(), SessionOptions.defaults().withThreads(1));
  }

  private static Tensor[] run(Session s, Tensor x) {
    Map<String, Object> out = s.runValues(Map.of("init", Tensor.of(new float[] {0, 0}, 2), "x", x));
    return out.values().toArray(new Tensor[0]);
  }

  @Test
  void scansForward() {
    try (Session s = cumulativeSum(16, new int[] {3, 2}, List.of())) {
      Tensor[] out = run(s, ROWS);
      assertThat(out[0].floats()).containsExactly(9, 12);
      assertThat(out[1].shape().dims()).containsExactly(3, 2);
      assertThat(out[1].floats()).containsExactly(1, 2, 4, 6, 9, 12);
    }
  }

  @Test
  void scansInputsInReverse() {
    try (Session s = cumulativeSum(16, new int[] {3, 2}, List.of(Attribute.ints("scan_input_directions", 1)))) {
      Tensor[] out = run(s, ROWS);
      assertThat(out[0].floats()).containsExactly(9, 12);
      assertThat(out[1].floats()).containsExactly(5, 6, 8, 10, 9, 12);
    }
  }

  @Test
  void writesOutputsInReverse() {
    try (Session s = cumulativeSum(16, new int[] {3, 2}, List.of(Attribute.ints("scan_output_directions", 1)))) {
      assertThat(run(s, ROWS)[1].floats()).containsExactly(9, 12, 4, 6, 1, 2);
    }
  }

  @Test
  void scansAlongOtherAxesAndStacksAlongOthers() {
    try (Session s = cumulativeSum(16, new int[] {2, 3}, List.of(Attribute.ints("scan_input_axes", -1),
        Attribute.ints("scan_output_axes", 1)))) {
      Tensor[] out = run(s, COLUMNS);
      assertThat(out[0].floats()).containsExactly(9, 12);
      assertThat(out[1].shape().dims()).containsExactly(2, 3);
      assertThat(out[1].floats()).containsExactly(1, 4, 9, 2, 6, 12);
    }
  }

  @Test
  void zeroLengthScanReturnsTheInitialStateAndAnEmptyOutput() {
    try (Session s = cumulativeSum(16, new int[] {0, 2}, List.of())) {
      Tensor[] out = run(s, Tensor.of(new float[0], 0, 2));
      assertThat(out[0].floats()).containsExactly(0, 0);
      assertThat(out[1].shape().dims()).containsExactly(0, 2);
    }
  }

  @Test
  void rejectsScanInputsOfDifferentLengths() {
    GraphBuilder b = new GraphBuilder("scan2", 16);
    Value x = b.input("x", DType.FLOAT, 3, 2);
    Value y = b.input("y", DType.FLOAT, 2, 2);
    SubgraphBuilder body = new SubgraphBuilder("body", 16);
    Value xt = body.input("x_t");
    Value yt = body.input("y_t");
    body.output(body.op("Add", xt, yt));
    b.output(b.op("Scan", List.of(Attribute.of("body", body.build()), Attribute.of("num_scan_inputs", 2L)), x, y));
    try (Session s = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      assertThatThrownBy(() -> s.runValues(Map.of("x", ROWS, "y", Tensor.of(new float[4], 2, 2))))
          .hasMessageContaining("scan input 1 f32[2,2] has length 2 along axis 0, scan input 0 has 3");
    }
  }

  @Test
  void opset8ScansEachBatchEntryUpToItsLength() {
    GraphBuilder b = new GraphBuilder("scan8", 8);
    Value lens = b.input("lens", DType.INT64, 2);
    Value init = b.input("init", DType.FLOAT, 2, 1);
    Value x = b.input("x", DType.FLOAT, 2, 3, 1);
    SubgraphBuilder body = new SubgraphBuilder("body", 8);
    Value s = body.input("s");
    Value xt = body.input("x_t");
    Value next = body.op("Add", s, xt);
    body.output(next, body.op("Identity", next));
    Value[] outs = b.ops("Scan", "final", 2, List.of(Attribute.of("body", body.build()),
        Attribute.of("num_scan_inputs", 1L), Attribute.ints("directions", 1)), lens, init, x);
    b.output(outs[0]).output(outs[1]);
    try (Session sess = Vireo.create(b.build(), SessionOptions.defaults().withThreads(1))) {
      Map<String, Object> out = sess.runValues(Map.of(
          "lens", Tensor.of(new long[] {3, 2}, 2),
          "init", Tensor.of(new float[] {0, 100}, 2, 1),
          "x", Tensor.of(new float[] {1, 2, 3, 10, 20, 30}, 2, 3, 1)));
      Tensor[] r = out.values().toArray(new Tensor[0]);
      assertThat(r[0].shape().dims()).containsExactly(2, 1);
      assertThat(r[0].floats()).containsExactly(6, 130);
      // reverse: batch 0 visits 3, 2, 1; batch 1 visits 20, 10, then pads
      assertThat(r[1].shape().dims()).containsExactly(2, 3, 1);
      assertThat(r[1].floats()).containsExactly(3, 5, 6, 120, 130, 0);
    }
  }
}
