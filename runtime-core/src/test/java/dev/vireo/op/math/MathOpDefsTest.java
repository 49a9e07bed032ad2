package dev.vireo.op.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import dev.vireo.tensor.DType;
import org.junit.jupiter.api.Test;

class MathOpDefsTest {
  @Test
  void elementwiseKeepsTheInputType() {
    assertThat(OpDefHarness.op("Relu", 14).in("f32[N,3,?]").inferOne()).isEqualTo("f32[N,3,?]");
    assertThat(OpDefHarness.op("Softmax", 13).in("f16[*]").inferOne()).isEqualTo("f16[*]");
  }

  @Test
  void broadcastingWithSymbolsAndOnes() {
    assertThat(OpDefHarness.op("Add", 14).in("f32[N,1,768]").in("f32[128,1]").inferOne())
        .isEqualTo("f32[N,128,768]");
    assertThat(OpDefHarness.op("Mul", 14).in("f32[B,S]").in("f32[B,S]").inferOne()).isEqualTo("f32[B,S]");
    // an unknown dim against 1 stays unknown; against a known n > 1 it must be n
    assertThat(OpDefHarness.op("Sub", 14).in("f32[?,1]").in("f32[1,5]").inferOne()).isEqualTo("f32[?,5]");
    assertThat(OpDefHarness.op("Div", 14).in("f32[?]").in("f32[7]").inferOne()).isEqualTo("f32[7]");
    assertThat(OpDefHarness.op("Add", 14).in("f32[2,3]").in("f32[*]").inferOne()).isEqualTo("f32[*]");
    assertThat(OpDefHarness.op("Max", 13).in("f32[2,1]").in("f32[3]").in("f32[]").inferOne())
        .isEqualTo("f32[2,3]");
  }

  @Test
  void legacyBroadcastBeforeOpset7KeepsAsShape() {
    assertThat(OpDefHarness.op("Add", 6).in("f32[2,3,4]").in("f32[3]").attr("broadcast", 1L)
        .attr("axis", 1L).inferOne()).isEqualTo("f32[2,3,4]");
  }

  @Test
  void broadcastErrorsNameBothTypes() {
    assertThatThrownBy(() -> OpDefHarness.op("Add", 14).in("f32[2,3]").in("f32[4]").inferOne())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Add: cannot broadcast f32[2,3] and f32[4]: dim 1 of the output would be both 3 and 4");
    assertThatThrownBy(() -> OpDefHarness.op("Add", 14).in("f32[2]").in("i64[2]").inferOne())
        .hasMessage("Add: element types differ: f32[2] and i64[2]");
    // Pow's exponent may have another type
    assertThat(OpDefHarness.op("Pow", 15).in("f32[2]").in("i64[]").inferOne()).isEqualTo("f32[2]");
  }

  @Test
  void matMulShapes() {
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[B,S,768]").in("f32[768,3072]").inferOne())
        .isEqualTo("f32[B,S,3072]");
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[B,H,S,64]").in("f32[B,H,64,S]").inferOne())
        .isEqualTo("f32[B,H,S,S]");
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[4]").in("f32[2,4,3]").inferOne()).isEqualTo("f32[2,3]");
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[5,4]").in("f32[4]").inferOne()).isEqualTo("f32[5]");
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[4]").in("f32[4]").inferOne()).isEqualTo("f32[]");
    assertThat(OpDefHarness.op("MatMul", 13).in("f32[3,1,2,4]").in("f32[5,4,6]").inferOne())
        .isEqualTo("f32[3,5,2,6]");
  }

  @Test
  void matMulInnerMismatch() {
    assertThatThrownBy(() -> OpDefHarness.op("MatMul", 13).in("f32[1,128,768]").in("f32[512,768]").inferOne())
        .hasMessage("inner dimensions differ: A f32[1,128,768] x B f32[512,768]");
  }

  @Test
  void gemmWithTransposes() {
    assertThat(OpDefHarness.op("Gemm", 13).in("f32[N,512]").in("f32[1000,512]").in("f32[1000]")
        .attr("transB", 1L).inferOne()).isEqualTo("f32[N,1000]");
    assertThat(OpDefHarness.op("Gemm", 13).in("f32[4,3]").in("f32[4,5]").attr("transA", 1L).inferOne())
        .isEqualTo("f32[3,5]");
    assertThatThrownBy(() -> OpDefHarness.op("Gemm", 13).in("f32[2,3]").in("f32[2,3]").inferOne())
        .hasMessage("inner dimensions differ: A f32[2,3] x B f32[2,3]");
    assertThatThrownBy(() -> OpDefHarness.op("Gemm", 13).in("f32[2,3,4]").in("f32[4,3]").inferOne())
        .hasMessageContaining("needs 2-D A and B");
  }

  @Test
  void castChangesOnlyTheElementType() {
    assertThat(OpDefHarness.op("Cast", 19).in("f32[N,3]").attr("to", (long) DType.INT64.onnxCode()).inferOne())
        .isEqualTo("i64[N,3]");
    assertThatThrownBy(() -> OpDefHarness.op("Cast", 19).in("f32[1]").inferOne())
        .hasMessageContaining("'to'");
  }

  @Test
  void castLikeTakesInput1sElementTypeAndInput0sShape() {
    assertThat(OpDefHarness.op("CastLike", 15).in("f32[N,3]").in("f16[]").inferOne()).isEqualTo("f16[N,3]");
    assertThat(OpDefHarness.op("CastLike", 21).in("i64[*]").in("f64[0]").inferOne()).isEqualTo("f64[*]");
  }

  @Test
  void isNanAndIsInfAreBool() {
    assertThat(OpDefHarness.op("IsNaN", 20).in("f16[2,S]").inferOne()).isEqualTo("bool[2,S]");
    assertThat(OpDefHarness.op("IsInf", 10).in("f64[3]").inferOne()).isEqualTo("bool[3]");
    assertThat(OpDefHarness.op("Gelu", 20).in("f32[B,7]").inferOne()).isEqualTo("f32[B,7]");
  }

  @Test
  void newBroadcastingOpsBroadcastAndCheckTypes() {
    assertThat(OpDefHarness.op("Mod", 13).in("i32[3,1]").in("i32[4]").inferOne()).isEqualTo("i32[3,4]");
    assertThat(OpDefHarness.op("PRelu", 16).in("f32[N,3,8]").in("f32[3,1]").inferOne())
        .isEqualTo("f32[N,3,8]");
    assertThat(OpDefHarness.op("Sum", 13).in("f32[2,1]").in("f32[3]").in("f32[]").inferOne())
        .isEqualTo("f32[2,3]");
    assertThat(OpDefHarness.op("BitShift", 11).in("u8[4]").in("u8[]").inferOne()).isEqualTo("u8[4]");
    assertThatThrownBy(() -> OpDefHarness.op("BitwiseAnd", 18).in("i32[2]").in("i64[2]").inferOne())
        .hasMessage("BitwiseAnd: element types differ: i32[2] and i64[2]");
  }
}
