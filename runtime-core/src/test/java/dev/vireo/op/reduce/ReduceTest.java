package dev.vireo.op.reduce;

import static dev.vireo.op.InferenceNodes.constant;
import static dev.vireo.op.InferenceNodes.infer;
import static dev.vireo.op.InferenceNodes.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceTest {
  private static final TensorType X = new TensorType(DType.FLOAT, List.of(Dim.symbol("N"), Dim.of(3), Dim.of(4)));
  private static final Reduce SUM = new Reduce("ReduceSum", 13);
  private static final Reduce MAX = new Reduce("ReduceMax", 18);

  @Test
  void axesAttributeBeforeTheInputOpset() {
    var out = infer(MAX, 17, List.of(Attribute.ints("axes", -1), Attribute.of("keepdims", 0L)), typed(X));
    assertThat(out.get(0).toString()).isEqualTo("f32[N,3]");
    assertThat(infer(SUM, 11, List.of(Attribute.ints("axes", 0)), typed(X)).get(0).toString()).isEqualTo("f32[1,3,4]");
  }

  @Test
  void constantAxesInputAndNoop() {
    var out = infer(SUM, 13, List.of(Attribute.of("keepdims", 0L)), typed(X), constant(Tensor.of(new long[] {1}, 1)));
    assertThat(out.get(0).toString()).isEqualTo("f32[N,4]");
    assertThat(infer(SUM, 13, List.of(), typed(X)).get(0).toString()).isEqualTo("f32[1,1,1]");
    assertThat(infer(MAX, 18, List.of(Attribute.of("noop_with_empty_axes", 1L)), typed(X)).get(0).toString())
        .isEqualTo("f32[N,3,4]");
  }

  @Test
  void unknownAxesKeepOnlyTheRank() {
    TensorType axes = new TensorType(DType.INT64, List.of(Dim.of(1)));
    assertThat(infer(SUM, 13, List.of(), typed(X), typed(axes)).get(0).toString()).isEqualTo("f32[?,?,?]");
    assertThat(infer(SUM, 13, List.of(Attribute.of("keepdims", 0L)), typed(X), typed(axes)).get(0).toString())
        .isEqualTo("f32[*]");
  }

  @Test
  void rejectsAxesOutOfRange() {
    assertThatThrownBy(() -> infer(MAX, 13, List.of(Attribute.ints("axes", 3)), typed(X)))
        .hasMessageContaining("ReduceMax: axes [3] out of range for input f32[N,3,4]");
  }
}
