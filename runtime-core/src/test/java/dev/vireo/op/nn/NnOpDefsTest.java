package dev.vireo.op.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import org.junit.jupiter.api.Test;

class NnOpDefsTest {
  @Test
  void convOutputSizes() {
    // ResNet stem: 7x7 stride 2 pad 3 on 224 -> 112
    assertThat(OpDefHarness.op("Conv", 11).in("f32[N,3,224,224]").in("f32[64,3,7,7]")
        .ints("strides", 2, 2).ints("pads", 3, 3, 3, 3).inferOne()).isEqualTo("f32[N,64,112,112]");
    assertThat(OpDefHarness.op("Conv", 11).in("f32[1,8,H,10]").in("f32[8,1,3,3]").attr("group", 8L)
        .attr("auto_pad", "SAME_UPPER").ints("strides", 2, 2).inferOne()).isEqualTo("f32[1,8,?,5]");
    assertThat(OpDefHarness.op("Conv", 11).in("f32[1,2,10]").in("f32[4,2,3]").ints("dilations", 2)
        .inferOne()).isEqualTo("f32[1,4,6]");
    assertThat(OpDefHarness.op("Conv", 11).in("f32[1,2,5,5]").in("f32[*]").ints("kernel_shape", 3, 3)
        .inferOne()).isEqualTo("f32[1,?,3,3]");
  }

  @Test
  void convErrors() {
    assertThatThrownBy(() -> OpDefHarness.op("Conv", 11).in("f32[1,3,8,8]").in("f32[4,2,3,3]").inferOne())
        .hasMessage("Conv: X f32[1,3,8,8] has 3 channels but W f32[4,2,3,3] with group 1 expects 2");
    assertThatThrownBy(() -> OpDefHarness.op("Conv", 11).in("f32[1,3,2,2]").in("f32[4,3,3,3]").inferOne())
        .hasMessageContaining("window of 3 (kernel 3, dilation 1) does not fit spatial dim 0 of size 2");
    assertThatThrownBy(() -> OpDefHarness.op("Conv", 11).in("f32[1,3,8,8]").in("f32[4,3,3,3]")
        .ints("strides", 1).inferOne())
        .hasMessageContaining("strides has 1 values [1], expected 2");
  }

  @Test
  void poolOutputsAndIndices() {
    assertThat(OpDefHarness.op("MaxPool", 12).in("f32[N,64,112,112]").ints("kernel_shape", 3, 3)
        .ints("strides", 2, 2).ints("pads", 1, 1, 1, 1).outputs(2).infer())
        .containsExactly("f32[N,64,56,56]", "i64[N,64,56,56]");
    assertThat(OpDefHarness.op("AveragePool", 19).in("f32[1,1,5]").ints("kernel_shape", 2)
        .ints("strides", 2).attr("ceil_mode", 1L).inferOne()).isEqualTo("f32[1,1,3]");
    assertThat(OpDefHarness.op("AveragePool", 19).in("f32[1,1,5]").ints("kernel_shape", 2)
        .ints("strides", 2).inferOne()).isEqualTo("f32[1,1,2]");
    assertThatThrownBy(() -> OpDefHarness.op("MaxPool", 12).in("f32[1,1,5]").inferOne())
        .hasMessage("MaxPool needs the kernel_shape attribute");
    assertThatThrownBy(() -> OpDefHarness.op("MaxPool", 12).in("f32[1,1,5]").ints("kernel_shape", 2, 2).inferOne())
        .hasMessageContaining("does not fit kernel_shape of 2 spatial dims");
  }

  @Test
  void globalPoolsAndNormalizations() {
    assertThat(OpDefHarness.op("GlobalAveragePool", 1).in("f32[N,2048,7,7]").inferOne())
        .isEqualTo("f32[N,2048,1,1]");
    assertThat(OpDefHarness.op("BatchNormalization", 15).in("f32[N,3,H,W]").in("f32[3]").in("f32[3]")
        .in("f32[3]").in("f32[3]").inferOne()).isEqualTo("f32[N,3,H,W]");
    assertThatThrownBy(() -> OpDefHarness.op("BatchNormalization", 15).in("f32[N,3,H,W]").in("f32[4]")
        .in("f32[3]").in("f32[3]").in("f32[3]").inferOne())
        .hasMessage("BatchNormalization: scale f32[4] does not fit the 3 channels of X f32[N,3,H,W]");
    assertThat(OpDefHarness.op("LayerNormalization", 17).in("f16[B,S,768]").in("f16[768]").outputs(3)
        .infer()).containsExactly("f16[B,S,768]", "f32[B,S,1]", "f32[B,S,1]");
    assertThat(OpDefHarness.op("LayerNormalization", 17).in("f32[B,S,768]").in("f32[S,768]")
        .attr("axis", 1L).outputs(3).infer().get(1)).isEqualTo("f32[B,1,1]");
  }
}
