package dev.vireo.op.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.op.OpDefHarness;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Expand, Slice, ConstantOfShape, Range, Where and the comparisons. */
class CreationOpDefsTest {
  private static Tensor longs(long... v) {
    return Tensor.of(v, v.length);
  }

  @Test
  void expand() {
    assertThat(OpDefHarness.op("Expand", 13).in("f32[B,1]").in(longs(1, 4)).inferOne()).isEqualTo("f32[B,4]");
    assertThat(OpDefHarness.op("Expand", 13).in("f32[3,1]").in("i64[3]").inferOne()).isEqualTo("f32[?,?,?]");
    assertThatThrownBy(() -> OpDefHarness.op("Expand", 13).in("f32[3]").in(longs(2)).inferOne())
        .hasMessageContaining("Expand: cannot broadcast f32[3] and f32[2]");
  }

  @Test
  void slice() {
    assertThat(OpDefHarness.op("Slice", 13).in("f32[B,10,8]").in(longs(2, -3)).in(longs(100, -1))
        .in(longs(1, 2)).inferOne()).isEqualTo("f32[B,8,2]");
    assertThat(OpDefHarness.op("Slice", 13).in("f32[10]").in(longs(-1)).in(longs(-11)).in(longs(0))
        .in(longs(-3)).inferOne()).isEqualTo("f32[4]");
    assertThat(OpDefHarness.op("Slice", 13).in("f32[B,4]").in("i64[1]").in(longs(1)).inferOne())
        .isEqualTo("f32[?,?]");
    assertThat(OpDefHarness.op("Slice", 9).in("f32[5,6]").ints("starts", 1).ints("ends", 3).ints("axes", 1)
        .inferOne()).isEqualTo("f32[5,2]");
    assertThatThrownBy(() -> OpDefHarness.op("Slice", 13).in("f32[5]").in(longs(0)).in(longs(1))
        .in(longs(1)).inferOne()).hasMessage("Slice: axis 1 is out of range for f32[5]");
  }

  @Test
  void constantOfShapeAndRange() {
    assertThat(OpDefHarness.op("ConstantOfShape", 20).in(longs(2, 3)).inferOne()).isEqualTo("f32[2,3]");
    assertThat(OpDefHarness.op("ConstantOfShape", 20).in("i64[2]")
        .attr(Attribute.of("value", Tensor.of(new long[] {1}, 1))).inferOne()).isEqualTo("i64[?,?]");
    assertThat(OpDefHarness.op("Range", 11).in(Tensor.scalar(0L)).in(Tensor.scalar(10L)).in(Tensor.scalar(3L))
        .inferOne()).isEqualTo("i64[4]");
    assertThat(OpDefHarness.op("Range", 11).in("f32[]").in("f32[]").in("f32[]").inferOne()).isEqualTo("f32[?]");
  }

  @Test
  void whereAndComparisons() {
    assertThat(OpDefHarness.op("Where", 16).in("bool[B,1,S]").in("f32[]").in("f32[B,H,S]").inferOne())
        .isEqualTo("f32[B,H,S]");
    assertThatThrownBy(() -> OpDefHarness.op("Where", 16).in("f32[2]").in("f32[2]").in("f32[2]").inferOne())
        .hasMessage("Where: condition must be bool, got f32[2]");
    assertThat(OpDefHarness.op("Equal", 13).in("i64[B,S]").in("i64[]").inferOne()).isEqualTo("bool[B,S]");
    assertThat(OpDefHarness.op("Not", 1).in("bool[3]").inferOne()).isEqualTo("bool[3]");
  }
}
