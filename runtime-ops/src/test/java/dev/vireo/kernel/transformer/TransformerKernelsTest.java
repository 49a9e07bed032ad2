package dev.vireo.kernel.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the com.microsoft transformer kernels. */
class TransformerKernelsTest {
  private static final float CLOSE = 1e-6f;

  @Test
  void geluOfKnownPoints() {
    // gelu(1) = 0.5·(1 + erf(1/√2)) = 0.8413447; gelu(-1) = -0.1586553; gelu(0) = 0
    Map<String, Tensor> out = new ContribCase("Gelu").input("X", Tensor.of(new float[] {1f, -1f, 0f}, 3))
        .output("Y").runVireo();
    assertThat(out.get("Y").floats()).containsExactly(new float[] {0.8413447f, -0.1586553f, 0f}, within(CLOSE));
  }

  @Test
  void biasGeluAddsTheBiasAlongTheLastDim() {
    Map<String, Tensor> out = new ContribCase("BiasGelu")
        .input("A", Tensor.of(new float[] {0f, 2f, 1f, -1f}, 2, 2))
        .input("B", Tensor.of(new float[] {1f, -3f}, 2)).output("C").runVireo();
    assertThat(out.get("C").floats())
        .containsExactly(new float[] {0.8413447f, -0.1586553f, 1.9544997f, -1.2668e-4f}, within(CLOSE));
  }

  @Test
  void skipLayerNormOfOneRow() {
    // s = [1,2,3,6] + [1,0,1,-2] = [2,2,4,4]: mean 3, var 1, so normalized [-1,-1,1,1]
    Map<String, Tensor> out = new ContribCase("SkipLayerNormalization")
        .input("input", Tensor.of(new float[] {1, 2, 3, 6}, 1, 4))
        .input("skip", Tensor.of(new float[] {1, 0, 1, -2}, 1, 4))
        .input("gamma", Tensor.of(new float[] {1, 2, 3, 4}, 4))
        .input("beta", Tensor.of(new float[] {0, 0, 0, 1}, 4))
        .attr(Attribute.of("epsilon", 0f))
        .output("Y").output("mean").output("inv").output("sum").runVireo();
    assertThat(out.get("Y").floats()).containsExactly(new float[] {-1, -2, 3, 5}, within(CLOSE));
    assertThat(out.get("mean").floats()).containsExactly(3f);
    assertThat(out.get("inv").floats()).containsExactly(1f);
    assertThat(out.get("sum").floats()).containsExactly(2, 2, 4, 4);
  }

  @Test
  void attentionWithOneKeyAttendsToItsValue() {
    // one token: softmax over one key is 1, so the output is V = x·Wv + bv
    float[] w = {1, 0, 0, 1, 2, 3}; // hidden 1 → q, k, v of size 2 each
    Map<String, Tensor> out = new ContribCase("Attention")
        .input("input", Tensor.of(new float[] {2f}, 1, 1, 1))
        .input("weights", Tensor.of(w, 1, 6))
        .input("bias", Tensor.of(new float[] {0, 0, 0, 0, 1, -1}, 6))
        .attr(Attribute.of("num_heads", 1L)).output("Y").runVireo();
    assertThat(out.get("Y").floats()).containsExactly(new float[] {5f, 5f}, within(CLOSE));
  }

  @Test
  void attentionMaskedKeyIsIgnored() {
    // two tokens, key 1 masked: both queries read only value 0
    float[] w = {1, 1, 1}; // hidden 1, one head of size 1
    Map<String, Tensor> out = new ContribCase("Attention")
        .input("input", Tensor.of(new float[] {1f, 3f}, 1, 2, 1))
        .input("weights", Tensor.of(w, 1, 3))
        .input("bias", null)
        .input("mask_index", Tensor.of(new int[] {1, 0}, 1, 2))
        .attr(Attribute.of("num_heads", 1L)).attr(Attribute.of("mask_filter_value", -1e30f))
        .output("Y").runVireo();
    assertThat(out.get("Y").floats()).containsExactly(new float[] {1f, 1f}, within(CLOSE));
  }

  @Test
  void attentionRejectsAnIndivisibleHeadCount() {
    assertThatThrownBy(() -> new ContribCase("Attention")
        .input("input", Tensor.of(new float[3], 1, 1, 3))
        .input("weights", Tensor.of(new float[27], 3, 9))
        .attr(Attribute.of("num_heads", 2L)).output("Y").runVireo())
        .hasMessageContaining("weights f32[3,9]").hasMessageContaining("2 heads");
  }
}
