package dev.vireo.op.gated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import org.junit.jupiter.api.Test;

class SwiGluDefTest {
  @Test
  void outputHasTheInputsTypeAndShape() {
    assertThat(OpDefHarness.op("SwiGLU", 28).in("f16[N,4,8]").in("f16[N,4,8]").infer())
        .containsExactly("f16[N,4,8]");
  }

  @Test
  void rejectsBroadcastingAndMixedTypes() {
    assertThatThrownBy(() -> OpDefHarness.op("SwiGLU", 28).in("f32[4,8]").in("f32[1,8]").infer())
        .hasMessageContaining("identical shapes");
    assertThatThrownBy(() -> OpDefHarness.op("SwiGLU", 28).in("f32[4]").in("f16[4]").infer())
        .hasMessageContaining("same element type");
  }
}
