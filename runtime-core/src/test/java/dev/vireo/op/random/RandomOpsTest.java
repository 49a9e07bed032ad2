package dev.vireo.op.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.op.OpDefHarness;
import dev.vireo.tensor.DType;
import org.junit.jupiter.api.Test;

class RandomOpsTest {
  @Test
  void generatorsTakeShapeAndDtypeFromAttributes() {
    assertThat(OpDefHarness.op("RandomUniform", 1).ints("shape", 2, 3).inferOne()).isEqualTo("f32[2,3]");
    assertThat(OpDefHarness.op("RandomNormal", 22).ints("shape", 4)
        .attr("dtype", (long) DType.DOUBLE.onnxCode()).inferOne()).isEqualTo("f64[4]");
    assertThatThrownBy(() -> OpDefHarness.op("RandomNormal", 1).inferOne()).hasMessageContaining("'shape'");
    assertThatThrownBy(() -> OpDefHarness.op("RandomUniform", 1).ints("shape", 2)
        .attr("dtype", (long) DType.INT32.onnxCode()).inferOne()).hasMessageContaining("not a float type");
  }

  @Test
  void likeFormsAndBernoulliFollowTheirInput() {
    assertThat(OpDefHarness.op("RandomUniformLike", 1).in("f64[N,3]").inferOne()).isEqualTo("f64[N,3]");
    assertThat(OpDefHarness.op("RandomNormalLike", 1).in("i64[2]")
        .attr("dtype", (long) DType.FLOAT16.onnxCode()).inferOne()).isEqualTo("f16[2]");
    assertThat(OpDefHarness.op("Bernoulli", 15).in("f32[5]")
        .attr("dtype", (long) DType.BOOL.onnxCode()).inferOne()).isEqualTo("bool[5]");
  }

  @Test
  void multinomialGivesBatchBySampleSize() {
    assertThat(OpDefHarness.op("Multinomial", 7).in("f32[B,10]").attr("sample_size", 4L).inferOne())
        .isEqualTo("i32[B,4]");
    assertThatThrownBy(() -> OpDefHarness.op("Multinomial", 7).in("f32[10]").inferOne())
        .hasMessageContaining("2-D");
  }
}
