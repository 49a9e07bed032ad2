package dev.vireo.op.resize;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ResizeOpDefsTest {
  private static Tensor floats(float... v) {
    return Tensor.of(v, v.length);
  }

  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void scalesAndSizes() {
    assertThat(op("Resize", 13).in("f32[N,3,4,4]").in((String) null).in(floats(1, 1, 2, 0.6f)).inferOne())
        .isEqualTo("f32[N,3,8,2]");
    assertThat(op("Resize", 13).in("f32[N,3,4,4]").in((String) null).in((String) null).in(longs(1, 3, 5, 7))
        .inferOne()).isEqualTo("f32[1,3,5,7]");
    assertThat(op("Resize", 13).in("f32[N,3,4,4]").in((String) null).in("f32[4]").inferOne())
        .isEqualTo("f32[?,?,?,?]");
    assertThat(op("Resize", 10).in("f32[1,1,2,2]").in(floats(1, 1, 2, 3)).inferOne()).isEqualTo("f32[1,1,4,6]");
  }

  @Test
  void axesAndPolicies() {
    assertThat(op("Resize", 18).in("f32[N,3,4,4]").in((String) null).in(floats(2, 3)).ints("axes", 2, -1)
        .inferOne()).isEqualTo("f32[N,3,8,12]");
    assertThat(op("Resize", 18).in("f32[N,3,4,4]").in((String) null).in((String) null).in(longs(5, 7))
        .ints("axes", 2, 3).attr("keep_aspect_ratio_policy", "not_larger").inferOne()).isEqualTo("f32[N,3,?,?]");
    assertThatThrownBy(() -> op("Resize", 13).in("f32[1,1,2,2]").in((String) null).in(floats(2, 2)).inferOne())
        .hasMessageContaining("2 scales or sizes for 4 axes");
  }

  @Test
  void upsample() {
    assertThat(op("Upsample", 7).in("f32[1,1,2,2]").attr(Attribute.floats("scales", 1, 1, 2, 2)).inferOne())
        .isEqualTo("f32[1,1,4,4]");
    assertThat(op("Upsample", 9).in("f32[1,1,2,2]").in(floats(1, 1, 3, 3)).inferOne()).isEqualTo("f32[1,1,6,6]");
  }
}
