package dev.vireo.op.stateful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import org.junit.jupiter.api.Test;

class StatefulDefTest {
  @Test
  void causalConvStateHoldsKernelSizeMinusOnePositions() {
    assertThat(OpDefHarness.op("CausalConvWithState", 27).outputs(2)
        .in("f32[B,6,L]").in("f32[6,1,4]").in((String) null).in("f32[B,6,3]").infer())
        .containsExactly("f32[B,6,L]", "f32[B,6,3]");
  }

  @Test
  void causalConvRejectsUnknownActivation() {
    assertThatThrownBy(() -> OpDefHarness.op("CausalConvWithState", 27).outputs(2).attr("activation", "gelu")
        .in("f32[1,2,3]").in("f32[2,1,2]").infer()).hasMessageContaining("gelu");
  }

  @Test
  void linearAttentionUnpacksGroupedHeads() {
    // Hq = 4, Hkv = 2, dk = 8, dv = 16
    assertThat(OpDefHarness.op("LinearAttention", 27).outputs(2).attr("q_num_heads", 4).attr("kv_num_heads", 2)
        .in("f16[B,T,32]").in("f16[B,T,16]").in("f16[B,T,32]").in("f32[B,2,8,16]").infer())
        .containsExactly("f16[B,T,64]", "f32[B,2,8,16]");
  }

  @Test
  void linearAttentionStateTakesTheQueryTypeWithoutPastState() {
    assertThat(OpDefHarness.op("LinearAttention", 27).outputs(2).attr("q_num_heads", 1).attr("kv_num_heads", 1)
        .attr("update_rule", "linear").in("f16[1,3,4]").in("f16[1,3,4]").in("f16[1,3,2]").infer())
        .containsExactly("f16[1,3,2]", "f16[1,1,4,2]");
  }

  @Test
  void linearAttentionNeedsHeadCountsThatDivide() {
    assertThatThrownBy(() -> OpDefHarness.op("LinearAttention", 27).outputs(2).attr("q_num_heads", 3)
        .attr("kv_num_heads", 2).in("f32[1,1,6]").in("f32[1,1,4]").in("f32[1,1,4]").infer())
        .hasMessageContaining("multiple");
  }
}
