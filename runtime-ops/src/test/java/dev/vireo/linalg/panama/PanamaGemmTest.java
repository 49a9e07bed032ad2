package dev.vireo.linalg.panama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed vector GEMM against a double-precision reference, over edge sizes and every transpose. */
class PanamaGemmTest {
  private static final int[] SIZES = {1, 5, 6, 7, 17, 64, 65};

  @Test
  void matchesReferenceOverEdgeSizesAndTransposes() {
    PanamaGemm gemm = new PanamaGemm();
    SplittableRandom rnd = new SplittableRandom(11);
    for (int m : SIZES) {
      for (int n : SIZES) {
        for (int k : new int[] {1, 17, 300}) {
          for (int t = 0; t < 4; t++) {
            check(gemm, rnd, m, n, k, (t & 1) != 0, (t & 2) != 0, t == 3 ? 0.5f : 1f);
          }
        }
      }
    }
  }

  @Test
  void handlesBlocksLargerThanOnePackAndOffsets() {
    check(new PanamaGemm(), new SplittableRandom(5), 2 * PanamaGemm.MC + 7, PanamaGemm.NR * 3 + 5, 2 * PanamaGemm.KC + 9,
        false, true, 1f);
  }

  private static void check(PanamaGemm gemm, SplittableRandom rnd, int m, int n, int k, boolean ta, boolean tb, float alpha) {
    int off = 3;
    int lda = (ta ? m : k) + 2;
    int ldb = (tb ? k : n) + 1;
    int ldc = n + 4;
    float[] a = random(rnd, off + (ta ? k : m) * lda);
    float[] b = random(rnd, off + (tb ? n : k) * ldb);
    float[] c = random(rnd, off + m * ldc);
    float[] expected = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
          double y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
          s += x * y;
        }
        expected[off + i * ldc + j] += (float) (alpha * s);
      }
    }
    gemm.gemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, c, off, ldc);
    for (int i = 0; i < c.length; i++) {
      double tol = 1e-5 * k + 1e-5;
      assertThat((double) c[i]).as("m=%d n=%d k=%d ta=%s tb=%s index %d", m, n, k, ta, tb, i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tol));
    }
  }

  private static float[] random(SplittableRandom rnd, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return x;
  }
}
