package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SgemmTest {
  private static final float CLOSE = 1e-4f;

  @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4} alpha={5} beta={6}")
  @CsvSource({
      "1, 1, 1, false, false, 1, 0",
      "3, 5, 7, false, false, 1, 0",
      "3, 5, 7, true, false, 0.5, 1",
      "3, 5, 7, false, true, 2, 0.25",
      "3, 5, 7, true, true, -1, 1",
      "17, 9, 300, false, false, 1, 1",
      "17, 9, 300, false, true, 1, 0",
      "4, 6, 0, false, false, 1, 0.5",
  })
  void matchesNaiveProduct(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta) {
    Random r = new Random(m * 31 + n * 7 + k);
    // operands embedded with an offset and a leading dimension larger than needed
    int aRows = ta ? k : m;
    int aCols = ta ? m : k;
    int bRows = tb ? n : k;
    int bCols = tb ? k : n;
    int lda = aCols + 2;
    int ldb = bCols + 3;
    int ldc = n + 1;
    float[] a = rand(r, 3 + aRows * lda);
    float[] b = rand(r, 5 + bRows * ldb);
    float[] c = rand(r, 2 + m * ldc);
    float[] expected = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          float av = ta ? a[3 + p * lda + i] : a[3 + i * lda + p];
          float bv = tb ? b[5 + j * ldb + p] : b[5 + p * ldb + j];
          s += av * bv;
        }
        expected[2 + i * ldc + j] = (float) (alpha * s + beta * c[2 + i * ldc + j]);
      }
    }
    Sgemm.sgemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 5, ldb, beta, c, 2, ldc);
    for (int i = 0; i < c.length; i++) {
      assertThat(c[i]).as("c[%d]", i).isCloseTo(expected[i], within(CLOSE));
    }
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void betaZeroIgnoresNaNInC(boolean tb) {
    float[] a = {1, 2};
    float[] b = {3, 4};
    float[] c = {Float.NaN};
    Sgemm.sgemm(false, tb, 1, 1, 2, 1f, a, 0, 2, b, 0, tb ? 2 : 1, 0f, c, 0, 1);
    assertThat(c[0]).isEqualTo(11f);
  }

  private static float[] rand(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = r.nextFloat() * 2 - 1;
    }
    return f;
  }
}
