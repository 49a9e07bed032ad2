package dev.vireo.op.signal;

import static dev.vireo.op.OpDefHarness.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SignalOpDefsTest {
  @Test
  void windowLengthFromAConstantSize() {
    assertThat(op("HannWindow", 17).in(Tensor.scalar(10L)).inferOne()).isEqualTo("f32[10]");
    assertThat(op("BlackmanWindow", 17).in("i64[]").attr("output_datatype", 11L).inferOne()).isEqualTo("f64[?]");
  }

  @Test
  void dftShapes() {
    assertThat(op("DFT", 17).in("f32[2,8,1]").attr("onesided", 1L).inferOne()).isEqualTo("f32[2,5,2]");
    assertThat(op("DFT", 20).in("f32[2,5,2]").in((String) null).in(Tensor.scalar(1L))
        .attr("inverse", 1L).attr("onesided", 1L).inferOne()).isEqualTo("f32[2,8,1]");
    assertThat(op("DFT", 20).in("f32[2,8,1]").in(Tensor.scalar(16L)).inferOne()).isEqualTo("f32[2,16,2]");
    assertThatThrownBy(() -> op("DFT", 17).in("f32[2,8,1]").attr("axis", 2L).inferOne())
        .hasMessageContaining("must name a signal axis");
  }

  @Test
  void stftAndMelShapes() {
    assertThat(op("STFT", 17).in("f32[1,128,1]").in(Tensor.scalar(8L)).in((String) null).in(Tensor.scalar(16L))
        .inferOne()).isEqualTo("f32[1,15,9,2]");
    assertThat(op("MelWeightMatrix", 17).in(Tensor.scalar(8L)).in(Tensor.scalar(16L)).in("i64[]").in("f32[]")
        .in("f32[]").inferOne()).isEqualTo("f32[9,8]");
  }
}
