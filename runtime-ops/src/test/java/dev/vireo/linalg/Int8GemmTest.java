package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@link Int8Gemm} in use matches a plain int32 triple loop bit for bit at every row count
 * (the few-row streaming and the many-row packed paths), at odd K and N, at K beyond one float
 * block, and at the extremes of the operands (|a| = 255 with weight -128, where float partial
 * sums would first lose exactness).
 */
class Int8GemmTest {
  @Test
  void matchesIntegerTripleLoop() {
    SplittableRandom rnd = new SplittableRandom(11);
    Int8Gemm gemm = Int8Gemms.kernel();
    int[][] shapes = {{1, 1, 1}, {1, 17, 5}, {3, 1100, 33}, {4, 384, 70}, {5, 2049, 17},
        {11, 513, 65}, {12, 300, 130}, {13, 1025, 3}, {29, 77, 200}, {64, 1600, 64}};
    for (int[] s : shapes) {
      for (int mode = 0; mode < 3; mode++) {
        check(gemm, rnd, s[0], s[1], s[2], mode);
      }
    }
  }

  /** mode 0: random; 1: all a = 255, b = -128 (largest sums); 2: a = ±255 alternating, b extremes. */
  private static void check(Int8Gemm gemm, SplittableRandom rnd, int m, int k, int n, int mode) {
    byte[] b = new byte[k * n];
    int[] a = new int[3 + m * k];
    for (int i = 0; i < b.length; i++) {
      b[i] = switch (mode) {
        case 0 -> (byte) rnd.nextInt(256);
        case 1 -> (byte) -128;
        default -> rnd.nextBoolean() ? (byte) -128 : (byte) 127;
      };
    }
    for (int i = 3; i < a.length; i++) {
      a[i] = switch (mode) {
        case 0 -> rnd.nextInt(511) - 255;
        case 1 -> 255;
        default -> i % 2 == 0 ? 255 : -255;
      };
    }
    Int8Panels w = Int8Gemms.pack(b, 0, k, n, false, null);
    int ldc = w.paddedN() + 5;
    int[] c = new int[2 + m * ldc];
    for (int i = 0; i < c.length; i++) {
      c[i] = 7;
    }
    gemm.multiplyAdd(a, 3, m, w, 0, w.panels(), c, 2, ldc);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int expected = 7;
        for (int p = 0; p < k; p++) {
          expected += a[3 + i * k + p] * b[p * n + j];
        }
        assertThat(c[2 + i * ldc + j]).as("m=%d k=%d n=%d mode=%d (%d,%d)", m, k, n, mode, i, j)
            .isEqualTo(expected);
      }
    }
  }
}
