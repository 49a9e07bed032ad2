package dev.vireo.kernel.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.kernel.KernelHarness;
import dev.vireo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Transpose over the tiled float path and the row path against index arithmetic. */
class TransposeTiledTest {
  private static final int[][][] CASES = {
      {{37, 53}, {1, 0}},
      {{1, 1}, {1, 0}},
      {{2, 33, 5, 17}, {0, 2, 3, 1}},
      {{2, 33, 5, 17}, {0, 2, 1, 3}},
      {{3, 20, 18}, {2, 1, 0}},
      {{4, 1, 19, 1}, {3, 2, 1, 0}},
      {{2, 3, 4, 5}, {3, 0, 2, 1}},
  };

  @Test
  void everyPermutationMovesEachElementWhereItBelongs() {
    for (int[][] c : CASES) {
      int[] d = c[0];
      int[] p = c[1];
      int n = 1;
      for (int v : d) n *= v;
      float[] x = new float[n];
      for (int i = 0; i < n; i++) x[i] = i;
      long[] perm = new long[p.length];
      for (int i = 0; i < p.length; i++) perm[i] = p[i];
      Tensor y = KernelHarness.op("Transpose", 13).ints("perm", perm).run1(Tensor.of(x, d));
      int r = d.length;
      int[] inStrides = new int[r];
      int acc = 1;
      for (int k = r - 1; k >= 0; k--) {
        inStrides[k] = acc;
        acc *= d[k];
      }
      float[] want = new float[n];
      for (int i = 0; i < n; i++) {
        int q = i;
        int src = 0;
        for (int k = r - 1; k >= 0; k--) {
          int od = d[p[k]];
          src += (q % od) * inStrides[p[k]];
          q /= od;
        }
        want[i] = x[src];
      }
      assertThat(y.floats()).as("dims %s perm %s", java.util.Arrays.toString(d), java.util.Arrays.toString(p))
          .containsExactly(want);
    }
  }
}
