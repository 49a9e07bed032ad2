package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pre-packed and threaded {@link Sgemm} against a double-precision reference, at whatever kernels
 * the run uses (SIMD at any width, or scalar); threaded products are bit-identical to serial ones.
 */
class SgemmPackedTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(3);
  /** Splits like the executor: chunks run as pool tasks, the caller waits for all. */
  private static final ParallelRange THREADS = (n, minChunk, body) -> {
    int chunks = Math.max(1, Math.min(3, n / Math.max(1, minChunk)));
    RecursiveAction[] tasks = new RecursiveAction[chunks];
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      tasks[c] = new RecursiveAction() {
        @Override
        protected void compute() {
          body.run(from, to);
        }
      };
    }
    POOL.invoke(new RecursiveAction() {
      @Override
      protected void compute() {
        invokeAll(tasks);
      }
    });
  };
  private static final int NR = Vectorization.enabled() ? Vectorization.vectorGemm().panelWidth() : 64;

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4} alpha={5} beta={6}")
  @CsvSource({
      "1, 1, 1, false, false, 1, 0",
      "5, 7, 3, false, false, 1, 0",
      "6, 1, 17, true, false, 0.5, 1",
      "7, 5, 300, false, true, 2, 0.25",
      "13, -1, 257, true, true, -1, 1",
      "19, 0, 513, false, false, 1, 0",
      "1, 1, 40, false, true, 1, 0",
      "97, 2, 31, false, false, 1, 0.5",
      "4, 6, 0, false, false, 1, 0.5",
  })
  void packedMatchesReference(int m, int nCode, int k, boolean ta, boolean tb, float alpha,
      float beta) {
    // nCode -1, 0 and 2: one panel minus a column, one panel plus one, two panels plus one; else n
    int n = nCode == -1 ? NR - 1 : nCode == 0 ? NR + 1 : nCode == 2 ? 2 * NR + 1 : nCode;
    Case t = new Case(new SplittableRandom(m * 131 + n * 7 + k), m, n, k, ta, tb);
    PackedMatrix pb = Sgemm.packB(t.b, t.off, t.ldb, k, n, tb);
    assertThat(pb.rows()).isEqualTo(k);
    assertThat(pb.columns()).isEqualTo(n);
    float[] c = t.c.clone();
    Sgemm.sgemm(ta, m, alpha, t.a, t.off, t.lda, pb, beta, c, t.off, t.ldc);
    t.assertClose(c, alpha, beta);
    float[] threaded = t.c.clone();
    Sgemm.sgemm(ta, m, alpha, t.a, t.off, t.lda, pb, beta, threaded, t.off, t.ldc, THREADS);
    assertThat(threaded).containsExactly(c);
  }

  @ParameterizedTest(name = "{0}x{2}x{1} tA={3} tB={4}")
  @CsvSource({
      "600, 40, 200, false, false",
      "7, 1500, 400, false, true",
      "130, 30, 1100, true, false",
      "300, 200, 70, true, true",
  })
  void threadedMatchesSerialExactly(int m, int n, int k, boolean ta, boolean tb) {
    Case t = new Case(new SplittableRandom(m + n + k), m, n, k, ta, tb);
    float[] serial = t.c.clone();
    Sgemm.sgemm(ta, tb, m, n, k, 1.5f, t.a, t.off, t.lda, t.b, t.off, t.ldb, 0.5f, serial, t.off, t.ldc);
    t.assertClose(serial, 1.5f, 0.5f);
    float[] threaded = t.c.clone();
    Sgemm.sgemm(ta, tb, m, n, k, 1.5f, t.a, t.off, t.lda, t.b, t.off, t.ldb, 0.5f, threaded, t.off,
        t.ldc, THREADS);
    assertThat(threaded).containsExactly(serial);
    PackedMatrix pb = Sgemm.packB(t.b, t.off, t.ldb, k, n, tb);
    float[] packed = t.c.clone();
    Sgemm.sgemm(ta, m, 1.5f, t.a, t.off, t.lda, pb, 0.5f, packed, t.off, t.ldc);
    t.assertClose(packed, 1.5f, 0.5f);
    float[] packedThreaded = t.c.clone();
    Sgemm.sgemm(ta, m, 1.5f, t.a, t.off, t.lda, pb, 0.5f, packedThreaded, t.off, t.ldc, THREADS);
    assertThat(packedThreaded).containsExactly(packed);
  }

  @Test
  void packedDenseTransposedWeightMatchesGemmLayout() {
    // a Gemm weight with transB=1 is stored n×k
    float[] w = {1, 2, 3, 4, 5, 6};
    PackedMatrix pb = Sgemm.packB(w, 3, 2, true);
    float[] a = {1, 1, 1};
    float[] c = new float[2];
    Sgemm.sgemm(false, 1, 1f, a, 0, 3, pb, 0f, c, 0, 2);
    assertThat(c).containsExactly(6f, 15f);
  }

  @Test
  void negativeSizeIsRejected() {
    assertThatThrownBy(() -> Sgemm.packB(new float[4], 0, 2, -1, 2, false))
        .hasMessage("packB: negative size -1x2");
  }

  /** Operands embedded at an offset with leading dimensions larger than needed. */
  private static final class Case {
    final int off = 3;
    final int m;
    final int n;
    final int k;
    final boolean ta;
    final boolean tb;
    final int lda;
    final int ldb;
    final int ldc;
    final float[] a;
    final float[] b;
    final float[] c;

    Case(SplittableRandom r, int m, int n, int k, boolean ta, boolean tb) {
      this.m = m;
      this.n = n;
      this.k = k;
      this.ta = ta;
      this.tb = tb;
      lda = (ta ? m : k) + 2;
      ldb = (tb ? k : n) + 1;
      ldc = n + 4;
      a = random(r, off + (ta ? k : m) * lda);
      b = random(r, off + (tb ? n : k) * ldb);
      c = random(r, off + m * ldc);
    }

    void assertClose(float[] got, float alpha, float beta) {
      float[] expected = c.clone();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            double x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
            double y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
            s += x * y;
          }
          expected[off + i * ldc + j] = (float) (alpha * s + beta * c[off + i * ldc + j]);
        }
      }
      double tol = 1e-5 * (k + 1);
      for (int i = 0; i < got.length; i++) {
        assertThat((double) got[i]).as("m=%d n=%d k=%d index %d", m, n, k, i)
            .isCloseTo(expected[i], Offset.offset(tol));
      }
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
