package dev.vireo.kernel.elementwise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.linalg.BinaryOp;
import dev.vireo.linalg.Broadcast;
import dev.vireo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vectorized float paths of the binary kernel (same shape, row, scalar and channel
 * broadcasts, Pow by 1 and 2) against a plain per-element broadcasting reference.
 */
class FloatBinaryTest {
  private static final String[] OPS = {"Add", "Sub", "Mul", "Div", "Max", "Min"};
  private static final BinaryOp[] FNS = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAX,
      BinaryOp.MIN};
  private static final int[][][] SHAPES = {
      {{37}, {37}},
      {{2, 3, 17}, {2, 3, 17}},
      {{2, 5, 33}, {33}},
      {{33}, {2, 5, 33}},
      {{2, 5, 33}, {}},
      {{}, {2, 5, 33}},
      {{2, 3, 4, 5}, {3, 1, 1}},
      {{3, 1, 1}, {2, 3, 4, 5}},
      {{1, 3, 7, 7}, {1, 1, 1, 7}},
      {{4, 1}, {1, 19}},
      {{2, 3, 17}, {2, 3, 1}},
      {{1}, {1}},
      {{0, 3}, {3}},
      {{40000}, {40000}},
      {{3, 12000}, {3, 1}},
  };

  private static Tensor random(int[] dims, long seed) {
    int n = 1;
    for (int d : dims) n *= d;
    float[] v = new float[n];
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
      if (r.nextInt(50) == 0) {
        v[i] = r.nextBoolean() ? Float.NaN : 0f;
      }
    }
    return Tensor.of(v, dims);
  }

  /** out[i] = a op b with indexes mapped through numpy broadcasting, one element at a time. */
  private static float[] reference(BinaryOp op, Tensor a, Tensor b) {
    int[] out = Broadcast.shape(a.shape().dims(), b.shape().dims());
    int[] sa = Broadcast.strides(a.shape().dims(), out);
    int[] sb = Broadcast.strides(b.shape().dims(), out);
    int n = 1;
    for (int d : out) n *= d;
    float[] r = new float[n];
    float[] one = new float[1];
    for (int i = 0; i < n; i++) {
      int q = i;
      int ia = 0;
      int ib = 0;
      for (int d = out.length - 1; d >= 0; d--) {
        int idx = q % out[d];
        q /= out[d];
        ia += idx * sa[d];
        ib += idx * sb[d];
      }
      op.apply(a.floats(), ia, 0, b.floats(), ib, 0, one, 0, 1);
      r[i] = one[0];
    }
    return r;
  }

  @Test
  void everyLayoutMatchesTheReference() {
    for (int[][] s : SHAPES) {
      Tensor a = random(s[0], s[0].length);
      Tensor b = random(s[1], 7 + s[1].length);
      for (int k = 0; k < OPS.length; k++) {
        float[] got = KernelHarness.op(OPS[k], 14).run1(a, b).floats();
        assertThat(got).as("%s %s %s", OPS[k], a.describe(), b.describe())
            .isEqualTo(reference(FNS[k], a, b));
      }
    }
  }

  @Test
  void powByOneAndTwoAsMathPow() {
    Tensor a = random(new int[] {3, 41}, 3);
    for (float e : new float[] {1f, 2f, 3f, 0.5f}) {
      float[] got = KernelHarness.op("Pow", 15).run1(a, Tensor.scalar(e)).floats();
      float[] want = new float[got.length];
      for (int i = 0; i < want.length; i++) {
        want[i] = (float) Math.pow(a.floats()[i], e);
      }
      assertThat(got).as("exponent %s", e).containsExactly(want);
    }
  }
}
