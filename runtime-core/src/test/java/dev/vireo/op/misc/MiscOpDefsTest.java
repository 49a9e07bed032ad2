package dev.vireo.op.misc;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MiscOpDefsTest {
  @Test
  void sameShapeOpsAndBitCast() {
    assertThat(op("CumProd", 26).in("i32[2,3]").in("i64[]").inferOne()).isEqualTo("i32[2,3]");
    assertThat(op("BitCast", 26).in("f32[2,3]").attr("to", 6L).inferOne()).isEqualTo("i32[2,3]");
    assertThatThrownBy(() -> op("BitCast", 26).in("f32[2]").attr("to", 7L).inferOne()).hasMessageContaining("bit width");
  }

  @Test
  void detDropsTheMatrixAxes() {
    assertThat(op("Det", 22).in("f32[4,3,3]").inferOne()).isEqualTo("f32[4]");
    assertThatThrownBy(() -> op("Det", 22).in("f32[3,2]").inferOne()).hasMessageContaining("square");
  }

  @Test
  void shapesFromConstantInputs() {
    assertThat(op("CenterCropPad", 18).in("f32[20,10,3]").in(Tensor.of(new long[] {10, 7}, 2)).ints("axes", 0, -2)
        .inferOne()).isEqualTo("f32[10,7,3]");
    assertThat(op("Col2Im", 18).in("f32[1,10,12]").in(Tensor.of(new long[] {5, 5}, 2)).in(Tensor.of(new long[] {1, 5}, 2))
        .inferOne()).isEqualTo("f32[1,2,5,5]");
    assertThat(op("AffineGrid", 20).in("f32[2,2,3]").in(Tensor.of(new long[] {2, 3, 5, 6}, 4)).inferOne())
        .isEqualTo("f32[2,5,6,2]");
    assertThat(op("DeformConv", 19).in("f32[1,4,8,8]").in("f32[6,4,3,3]").in("f32[1,18,6,6]").inferOne())
        .isEqualTo("f32[1,6,6,6]");
  }
}
