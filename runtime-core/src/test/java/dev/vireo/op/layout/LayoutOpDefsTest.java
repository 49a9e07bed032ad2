package dev.vireo.op.layout;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayoutOpDefsTest {
  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void pad() {
    assertThat(op("Pad", 13).in("f32[N,3,4]").in(longs(0, 1, 2, 0, 1, -1)).inferOne()).isEqualTo("f32[?,5,5]");
    assertThat(op("Pad", 2).in("f32[2,3]").ints("pads", 1, 0, 1, 0).inferOne()).isEqualTo("f32[4,3]");
    assertThat(op("Pad", 18).in("i64[2,3]").in(longs(1, 1)).in((String) null).in(longs(-1)).inferOne())
        .isEqualTo("i64[2,5]");
    assertThat(op("Pad", 13).in("f32[2,3]").in("i64[4]").inferOne()).isEqualTo("f32[?,?]");
    assertThatThrownBy(() -> op("Pad", 13).in("f32[2,3]").in(longs(1, 1)).inferOne())
        .hasMessageContaining("need 4 values");
  }

  @Test
  void tile() {
    assertThat(op("Tile", 13).in("f32[2,B]").in(longs(3, 2)).inferOne()).isEqualTo("f32[6,?]");
    assertThat(op("Tile", 13).in("f32[2,3]").in("i64[2]").inferOne()).isEqualTo("f32[?,?]");
    assertThatThrownBy(() -> op("Tile", 13).in("f32[2,3]").in(longs(2)).inferOne())
        .hasMessageContaining("one value per axis");
  }

  @Test
  void split() {
    assertThat(op("Split", 13).in("f32[B,6]").attr("axis", 1L).outputs(3).infer())
        .containsExactly("f32[B,2]", "f32[B,2]", "f32[B,2]");
    assertThat(op("Split", 11).in("f32[6]").ints("split", 2, 4).outputs(2).infer())
        .containsExactly("f32[2]", "f32[4]");
    assertThat(op("Split", 13).in("f32[6]").in(longs(1, 5)).outputs(2).infer()).containsExactly("f32[1]", "f32[5]");
    assertThat(op("Split", 18).in("f32[7]").attr("num_outputs", 3L).outputs(3).infer())
        .containsExactly("f32[3]", "f32[3]", "f32[1]");
    assertThat(op("Split", 13).in("f32[6]").in("i64[2]").outputs(2).infer()).containsExactly("f32[?]", "f32[?]");
    assertThatThrownBy(() -> op("Split", 13).in("f32[7]").outputs(2).infer()).hasMessageContaining("does not divide");
  }

  @Test
  void depthAndSpace() {
    assertThat(op("DepthToSpace", 13).in("f32[N,8,3,4]").attr("blocksize", 2L).inferOne())
        .isEqualTo("f32[N,2,6,8]");
    assertThat(op("SpaceToDepth", 13).in("f32[1,3,4,6]").attr("blocksize", 2L).inferOne())
        .isEqualTo("f32[1,12,2,3]");
    assertThatThrownBy(() -> op("SpaceToDepth", 13).in("f32[1,3,5,6]").attr("blocksize", 2L).inferOne())
        .hasMessageContaining("does not divide by 2");
    assertThatThrownBy(() -> op("DepthToSpace", 13).in("f32[8,3]").attr("blocksize", 2L).inferOne())
        .hasMessageContaining("4-D");
  }
}
