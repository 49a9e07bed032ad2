package dev.vireo.kernel.stateful;

import static dev.vireo.kernel.KernelTesting.PARALLEL;
import static dev.vireo.kernel.KernelTesting.assertClose;
import static dev.vireo.kernel.KernelTesting.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.ir.Attribute;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed cases with B = 1, T = 2, one head, dk = 2, dv = 1 unless stated. */
class LinearAttentionKernelTest {
  private static final Tensor Q = Tensor.of(new float[] {1, 1, 1, 1}, 1, 2, 2);
  private static final Tensor K = Tensor.of(new float[] {1, 0, 0, 1}, 1, 2, 2);
  private static final Tensor V = Tensor.of(new float[] {2, 3}, 1, 2, 1);
  private static final float LN_HALF = (float) Math.log(0.5);

  private static LinearAttentionKernel kernel(String rule, int qHeads, int kvHeads, float scale) {
    return new LinearAttentionKernel(node("LinearAttention", 27, 6, 2, Attribute.of("update_rule", rule),
        Attribute.of("q_num_heads", (long) qHeads), Attribute.of("kv_num_heads", (long) kvHeads),
        Attribute.of("scale", scale)));
  }

  @Test
  void linearAccumulatesOuterProducts() {
    Tensor[] out = kernel("linear", 1, 1, 1f).run(new Tensor[] {Q, K, V}, PARALLEL);
    // S after t0 = [2, 0], after t1 = [2, 3]; o = q . S
    assertClose(out[0], new double[] {2, 5});
    assertThat(out[1].shape()).isEqualTo(Shape.of(1, 1, 2, 1));
    assertClose(out[1], new double[] {2, 3});
  }

  @Test
  void defaultScaleIsOneOverSqrtKeyDim() {
    Tensor[] out = kernel("linear", 1, 1, 0f).run(new Tensor[] {Q, K, V}, PARALLEL);
    assertClose(out[0], new double[] {2 / Math.sqrt(2), 5 / Math.sqrt(2)});
  }

  @Test
  void gatedPerHeadDecayScalesTheWholeState() {
    Tensor decay = Tensor.of(new float[] {0, LN_HALF}, 1, 2, 1);
    Tensor[] out = kernel("gated", 1, 1, 1f).run(new Tensor[] {Q, K, V, null, decay, null}, PARALLEL);
    // t1: S = 0.5 * [2, 0] + [0, 3]
    assertClose(out[0], new double[] {2, 4});
    assertClose(out[1], new double[] {1, 3});
  }

  @Test
  void gatedPerKeyDecayScalesStateRowsAndStartsFromPastState() {
    Tensor past = Tensor.of(new float[] {4, 8}, 1, 1, 2, 1);
    Tensor decay = Tensor.of(new float[] {0, 0, 0, (float) Math.log(0.25)}, 1, 2, 2);
    Tensor[] out = kernel("gated", 1, 1, 1f).run(new Tensor[] {Q, K, V, past, decay, null}, PARALLEL);
    // t0: S = [4, 8] + [2, 0] = [6, 8]; t1: S = [6, 8 * 0.25] + [0, 3] = [6, 5]
    assertClose(out[0], new double[] {14, 11});
    assertClose(out[1], new double[] {6, 5});
  }

  @Test
  void deltaWritesTheCorrectionScaledByBeta() {
    Tensor k = Tensor.of(new float[] {1, 0, 1, 1}, 1, 2, 2);
    Tensor beta = Tensor.of(new float[] {0.5f, 1}, 1, 2, 1);
    Tensor[] out = kernel("delta", 1, 1, 1f).run(new Tensor[] {Q, k, V, null, null, beta}, PARALLEL);
    // t0: u = 0.5 * (2 - 0) = 1, S = [1, 0]; t1: S^T k = 1, u = 3 - 1 = 2, S = [1, 0] + [2, 2]
    assertClose(out[0], new double[] {1, 5});
    assertClose(out[1], new double[] {3, 2});
  }

  @Test
  void gatedDeltaDecaysBeforeTheCorrection() {
    Tensor k = Tensor.of(new float[] {1, 0, 1, 1}, 1, 2, 2);
    Tensor past = Tensor.of(new float[] {4, 8}, 1, 1, 2, 1);
    Tensor decay = Tensor.of(new float[] {0, LN_HALF}, 1, 2, 1);
    Tensor beta = Tensor.of(new float[] {0.5f, 1}, 1, 2, 1);
    Tensor[] out = kernel("gated_delta", 1, 1, 1f).run(new Tensor[] {Q, k, V, past, decay, beta}, PARALLEL);
    // t0: S^T k = 4, u = 0.5 * (2 - 4) = -1, S = [3, 8]
    // t1: S = [1.5, 4], S^T k = 5.5, u = 3 - 5.5 = -2.5, S = [-1, 1.5]
    assertClose(out[0], new double[] {11, 0.5});
    assertClose(out[1], new double[] {-1, 1.5});
  }

  @Test
  void groupedQueryHeadsShareConsecutiveKvHeads() {
    // Hq = 4, Hkv = 2, dk = dv = 1, T = 1: query heads 0 and 1 read KV head 0, heads 2 and 3 head 1
    Tensor q = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 4);
    Tensor k = Tensor.of(new float[] {1, 1}, 1, 1, 2);
    Tensor v = Tensor.of(new float[] {3, 5}, 1, 1, 2);
    Tensor[] out = kernel("linear", 4, 2, 1f).run(new Tensor[] {q, k, v}, PARALLEL);
    assertClose(out[0], new double[] {3, 6, 15, 20});
    assertClose(out[1], new double[] {3, 5});
  }

  @Test
  void halfActivationsKeepAFloatStateWhenPastStateIsFloat() {
    Tensor past = Tensor.of(new float[] {1, 0}, 1, 1, 2, 1);
    Tensor[] out = kernel("linear", 1, 1, 1f).run(new Tensor[] {half(Q), half(K), half(V), past}, PARALLEL);
    assertThat(out[0].dtype()).isEqualTo(DType.FLOAT16);
    assertThat(out[1].dtype()).isEqualTo(DType.FLOAT);
    assertThat(new float[] {Float16.halfToFloat(out[0].shorts()[0]), Float16.halfToFloat(out[0].shorts()[1])})
        .containsExactly(3, 6);
    assertClose(out[1], new double[] {3, 3});
    Tensor[] noPast = kernel("linear", 1, 1, 1f).run(new Tensor[] {half(Q), half(K), half(V)}, PARALLEL);
    assertThat(noPast[1].dtype()).isEqualTo(DType.FLOAT16);
  }

  private static Tensor half(Tensor f) {
    short[] s = new short[f.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = Float16.floatToHalf(f.floats()[i]);
    }
    return Tensor.wrap(DType.FLOAT16, f.shape(), s);
  }

  @Test
  void rejectsMissingDecayAndBadHeadCounts() {
    assertThatThrownBy(() -> kernel("gated", 1, 1, 1f).run(new Tensor[] {Q, K, V}, PARALLEL))
        .hasMessageContaining("decay given");
    assertThatThrownBy(() -> kernel("linear", 3, 2, 1f)).hasMessageContaining("multiple");
  }
}
