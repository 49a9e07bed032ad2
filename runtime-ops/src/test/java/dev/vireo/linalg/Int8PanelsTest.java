package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packing plus the zero-point correction gives {@code Σ a·(b - zp)} exactly, for signed and
 * unsigned weights and scalar or per-column zero points, with the kernel in use.
 */
class Int8PanelsTest {
  @Test
  void kernelInUseWithZeroPointCorrectionIsExact() {
    SplittableRandom rnd = new SplittableRandom(8);
    Int8Gemm gemm = Int8Gemms.kernel();
    for (boolean unsigned : new boolean[] {false, true}) {
      for (int[] dims : new int[][] {{1, 5, 3}, {4, 33, 70}, {13, 300, 17}, {2, 1, 1}}) {
        int m = dims[0];
        int k = dims[1];
        int n = dims[2];
        byte[] b = new byte[k * n];
        int[] a = new int[m * k];
        int[] zp = new int[n];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) rnd.nextInt(256);
        }
        for (int i = 0; i < a.length; i++) {
          a[i] = rnd.nextInt(511) - 255;
        }
        for (int j = 0; j < n; j++) {
          zp[j] = unsigned ? rnd.nextInt(256) : rnd.nextInt(256) - 128;
        }
        Int8Panels w = Int8Gemms.pack(b, 0, k, n, unsigned, zp);
        int[] c = new int[m * w.paddedN()];
        gemm.multiplyAdd(a, 0, m, w, 0, w.panels(), c, 0, w.paddedN());
        for (int i = 0; i < m; i++) {
          int sum = 0;
          for (int p = 0; p < k; p++) {
            sum += a[i * k + p];
          }
          for (int j = 0; j < n; j++) {
            int expected = 0;
            for (int p = 0; p < k; p++) {
              int bv = unsigned ? b[p * n + j] & 0xFF : b[p * n + j];
              expected += a[i * k + p] * (bv - zp[j]);
            }
            int actual = c[i * w.paddedN() + j] - (w.zeroPoints() == null ? 0 : w.zeroPoints()[j] * sum);
            assertThat(actual).as("unsigned=%s m=%d k=%d n=%d (%d,%d)", unsigned, m, k, n, i, j)
                .isEqualTo(expected);
          }
        }
      }
    }
  }
}
