package dev.vireo.op.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import org.junit.jupiter.api.Test;

class QuantOpDefsTest {
  @Test
  void quantizeLinearTakesTheZeroPointTypeElseOutputDtypeElseUint8() {
    assertThat(OpDefHarness.op("QuantizeLinear", 13).in("f32[N,3]").in("f32[]").in("i8[]").inferOne())
        .isEqualTo("i8[N,3]");
    assertThat(OpDefHarness.op("QuantizeLinear", 10).in("f32[2]").in("f32[]").inferOne())
        .isEqualTo("u8[2]");
    assertThat(OpDefHarness.op("QuantizeLinear", 21).in("f32[2]").in("f32[]")
        .attr("output_dtype", 22L).inferOne()).isEqualTo("i4[2]");
    assertThatThrownBy(() -> OpDefHarness.op("QuantizeLinear", 21).in("f32[2]").in("f32[]").in("u8[]")
        .attr("output_dtype", 3L).inferOne())
        .hasMessage("QuantizeLinear: output_dtype i8 differs from the zero point's type u8");
  }

  @Test
  void dequantizeLinearTakesTheScaleTypeElseOutputDtype() {
    assertThat(OpDefHarness.op("DequantizeLinear", 19).in("f8e4m3fn[4]").in("f16[]").inferOne())
        .isEqualTo("f16[4]");
    assertThat(OpDefHarness.op("DequantizeLinear", 10).in("u8[4]").in("f32[]").inferOne())
        .isEqualTo("f32[4]");
    assertThat(OpDefHarness.op("DequantizeLinear", 23).in("i8[4]").in("f32[]")
        .attr("output_dtype", 11L).inferOne()).isEqualTo("f64[4]");
  }

  @Test
  void dynamicQuantizeLinearHasThreeOutputs() {
    assertThat(OpDefHarness.op("DynamicQuantizeLinear", 11).in("f32[B,8]").outputs(3).infer())
        .containsExactly("u8[B,8]", "f32[]", "u8[]");
  }

  @Test
  void integerMatMulsFollowMatMulShapes() {
    assertThat(OpDefHarness.op("MatMulInteger", 10).in("u8[B,4,3]").in("i8[3,5]").inferOne())
        .isEqualTo("i32[B,4,5]");
    assertThat(OpDefHarness.op("QLinearMatMul", 10).in("i8[4,3]").in("f32[]").in("i8[]")
        .in("i8[3]").in("f32[]").in("i8[]").in("f32[]").in("u8[]").inferOne()).isEqualTo("u8[4]");
    assertThatThrownBy(() -> OpDefHarness.op("MatMulInteger", 10).in("u8[4,3]").in("u8[2,5]").inferOne())
        .hasMessage("MatMulInteger: inner dimensions differ: A u8[4,3] x B u8[2,5]");
  }

  @Test
  void integerConvsFollowConvShapes() {
    assertThat(OpDefHarness.op("ConvInteger", 10).in("u8[1,1,5,5]").in("u8[2,1,3,3]")
        .ints("pads", 1, 1, 1, 1).inferOne()).isEqualTo("i32[1,2,5,5]");
    assertThat(OpDefHarness.op("QLinearConv", 10).in("u8[N,3,8,8]").in("f32[]").in("u8[]")
        .in("i8[4,3,2,2]").in("f32[4]").in("i8[4]").in("f32[]").in("i8[]").ints("strides", 2, 2)
        .inferOne()).isEqualTo("i8[N,4,4,4]");
  }
}
