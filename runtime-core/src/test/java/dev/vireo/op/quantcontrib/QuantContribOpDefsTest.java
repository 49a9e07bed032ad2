package dev.vireo.op.quantcontrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.op.OpDefHarness;
import org.junit.jupiter.api.Test;

class QuantContribOpDefsTest {
  private static OpDefHarness op(String name) {
    return OpDefHarness.op(name, 1).domain(QuantContribOps.DOMAIN);
  }

  @Test
  void floatMatMulsFollowMatMulShapes() {
    assertThat(op("DynamicQuantizeMatMul").in("f32[B,7,384]").in("i8[384,1536]").in("f32[1536]")
        .inferOne()).isEqualTo("f32[B,7,1536]");
    assertThat(op("MatMulIntegerToFloat").in("u8[4,3]").in("i8[3,5]").in("f32[]").in("f32[]")
        .inferOne()).isEqualTo("f32[4,5]");
  }

  @Test
  void qgemmIsFloatWithoutYZeroPointElseItsType() {
    assertThat(op("QGemm").in("u8[M,8]").in("f32[]").in("u8[]").in("i8[5,8]").in("f32[]").in("i8[]")
        .attr("transB", 1L).inferOne()).isEqualTo("f32[M,5]");
    assertThat(op("QGemm").in("u8[8,M]").in("f32[]").in("u8[]").in("i8[8,5]").in("f32[]").in("i8[]")
        .in((String) null).in("f32[]").in("u8[]").attr("transA", 1L).inferOne()).isEqualTo("u8[M,5]");
  }

  @Test
  void elementwiseOpsBroadcastOrKeepTheShape() {
    assertThat(op("QLinearAdd").in("u8[2,3,4]").in("f32[]").in("u8[]").in("u8[4]").in("f32[]")
        .in("u8[]").in("f32[]").in("u8[]").inferOne()).isEqualTo("u8[2,3,4]");
    assertThat(op("QLinearSigmoid").in("i8[N,16]").in("f32[]").in("i8[]").in("f32[]").in("i8[]")
        .inferOne()).isEqualTo("i8[N,16]");
  }

  @Test
  void concatAndPoolShapes() {
    assertThat(op("QLinearConcat").in("f32[]").in("u8[]").in("u8[2,3]").in("f32[]").in("u8[]")
        .in("u8[2,5]").in("f32[]").in("u8[]").attr("axis", -1L).inferOne()).isEqualTo("u8[2,8]");
    assertThat(op("QLinearGlobalAveragePool").in("u8[N,7,7,64]").in("f32[]").in("u8[]").in("f32[]")
        .in("u8[]").attr("channels_last", 1L).inferOne()).isEqualTo("u8[N,1,1,64]");
  }
}
