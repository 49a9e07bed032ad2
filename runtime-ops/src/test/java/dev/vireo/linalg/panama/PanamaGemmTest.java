package dev.vireo.linalg.panama;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packed vector GEMM against a double-precision reference, over edge sizes and every transpose. */
class PanamaGemmTest {
  /** A run without the incubator module (the scalar one) cannot link this class's subject. */
  @BeforeEach
  void needsVectorModule() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector not enabled");
  }

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

  @Test
  void packedColumnRangesMatchThePlainProduct() {
    PanamaGemm gemm = new PanamaGemm();
    SplittableRandom rnd = new SplittableRandom(7);
    int nr = PanamaGemm.NR;
    int[][] shapes = {
        {1, 1, 1}, {5, nr - 1, 17}, {7, nr + 1, PanamaGemm.KC + 1},
        {PanamaGemm.MC + 1, PanamaGemm.NC + nr + 3, 2 * PanamaGemm.KC + 9}, {13, 3 * nr, 40},
    };
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      for (boolean tb : new boolean[] {false, true}) {
        float[] a = random(rnd, m * k + 1);
        float[] b = random(rnd, k * n + 2);
        int ldb = tb ? k : n;
        float[] expected = new float[m * n];
        gemm.gemm(false, tb, m, n, k, 0.5f, a, 1, k, b, 2, ldb, expected, 0, n);
        float[] packed = gemm.packB(tb, k, n, b, 2, ldb);
        float[] whole = new float[m * n];
        gemm.gemmPacked(false, m, n, 0, n, k, 0.5f, a, 1, k, packed, whole, 0, n);
        assertThat(whole).as("m=%d n=%d k=%d tb=%s", m, n, k, tb).containsExactly(expected);
        // the same product as column blocks starting at panel boundaries
        float[] pieces = new float[m * n];
        int panels = 1;
        for (int j0 = 0; j0 < n; panels = 3 - panels) {
          int j1 = Math.min(n, j0 + panels * nr);
          gemm.gemmPacked(false, m, n, j0, j1, k, 0.5f, a, 1, k, packed, pieces, 0, n);
          j0 = j1;
        }
        assertThat(pieces).as("m=%d n=%d k=%d tb=%s pieces", m, n, k, tb).containsExactly(expected);
      }
    }
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
