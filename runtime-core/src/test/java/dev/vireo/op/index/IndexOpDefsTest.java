package dev.vireo.op.index;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class IndexOpDefsTest {
  @Test
  void gathersAndScatters() {
    assertThat(op("GatherElements", 13).in("f32[3,3]").in("i64[2,3]").inferOne()).isEqualTo("f32[2,3]");
    assertThatThrownBy(() -> op("GatherElements", 13).in("f32[3,3]").in("i64[3]").inferOne())
        .hasMessageContaining("rank");
    assertThat(op("GatherND", 12).in("f32[2,2,2]").in("i64[2,1,2]").inferOne()).isEqualTo("f32[2,1,2]");
    assertThat(op("GatherND", 12).in("f32[2,2,2]").in("i64[2,1]").attr("batch_dims", 1L).inferOne())
        .isEqualTo("f32[2,2]");
    assertThat(op("GatherND", 12).in("f32[2,2]").in("i64[2,?]").inferOne()).isEqualTo("f32[*]");
    assertThatThrownBy(() -> op("GatherND", 12).in("f32[2,2]").in("i64[1,3]").inferOne())
        .hasMessageContaining("do not fit");
    for (String s : new String[] {"Scatter", "ScatterElements", "ScatterND", "CumSum", "Trilu"}) {
      assertThat(op(s, 16).in("f32[B,4]").in("i64[1,1]").in("f32[1]").inferOne()).isEqualTo("f32[B,4]");
    }
  }

  @Test
  void topKAndArg() {
    assertThat(op("TopK", 11).in("f32[3,4]").in(Tensor.of(new long[] {2}, 1)).outputs(2).infer())
        .containsExactly("f32[3,2]", "i64[3,2]");
    assertThat(op("TopK", 1).in("f32[3,4]").attr("k", 1L).attr("axis", 0L).outputs(2).infer())
        .containsExactly("f32[1,4]", "i64[1,4]");
    assertThat(op("TopK", 11).in("f32[3,4]").in("i64[1]").outputs(2).infer())
        .containsExactly("f32[3,?]", "i64[3,?]");
    assertThat(op("ArgMax", 13).in("f32[B,4,5]").attr("axis", -1L).inferOne()).isEqualTo("i64[B,4,1]");
    assertThat(op("ArgMin", 13).in("f32[B,4,5]").attr("axis", 1L).attr("keepdims", 0L).inferOne())
        .isEqualTo("i64[B,5]");
    assertThatThrownBy(() -> op("ArgMax", 13).in("f32[2]").attr("axis", 1L).inferOne()).hasMessageContaining("axis 1");
  }

  @Test
  void dataDependentShapesStayUnknown() {
    assertThat(op("NonZero", 13).in("f32[2,3]").inferOne()).isEqualTo("i64[2,?]");
    assertThat(op("Compress", 11).in("f32[2,3]").in("bool[3]").attr("axis", 1L).inferOne()).isEqualTo("f32[2,?]");
    assertThat(op("Compress", 11).in("f32[2,3]").in("bool[3]").inferOne()).isEqualTo("f32[?]");
    assertThat(op("Unique", 11).in("f32[2,3]").outputs(4).infer())
        .containsExactly("f32[?]", "i64[?]", "i64[6]", "i64[?]");
    assertThat(op("Unique", 11).in("f32[2,3]").attr("axis", 1L).outputs(4).infer())
        .containsExactly("f32[2,?]", "i64[?]", "i64[3]", "i64[?]");
  }

  @Test
  void oneHotSizeEyeLike() {
    assertThat(op("OneHot", 11).in("i64[4]").in(Tensor.scalar(3L)).in("f32[2]").inferOne()).isEqualTo("f32[4,3]");
    assertThat(op("OneHot", 11).in("i64[4,5]").in("i64[]").in("i32[2]").attr("axis", 0L).inferOne())
        .isEqualTo("i32[?,4,5]");
    assertThat(op("Size", 13).in("f32[2,3]").inferOne()).isEqualTo("i64[]");
    assertThat(op("EyeLike", 9).in("f32[3,4]").inferOne()).isEqualTo("f32[3,4]");
    assertThat(op("EyeLike", 9).in("f32[3,4]").attr("dtype", (long) DType.INT32.onnxCode()).inferOne())
        .isEqualTo("i32[3,4]");
    assertThatThrownBy(() -> op("EyeLike", 9).in("f32[3]").inferOne()).hasMessageContaining("2-D");
  }
}
