package dev.vireo.linalg.panama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vireo.linalg.Int8Panels;
import dev.vireo.linalg.ScalarInt8Gemm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector int8 GEMM is bit-exact against the scalar reference over row counts on both sides
 * of the widening threshold, depths on both sides of a block, ragged panels and extreme values.
 */
class PanamaInt8GemmTest {
  private static final int[] ROWS = {0, 1, 3, 4, 5, 11, 12, 13, 19};

  /** A run without the module (the scalar run, when picked by -Dtest) has nothing to test here. */
  @BeforeAll
  static void needsVectorModule() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
  }

  @Test
  void matchesScalarReferenceExactly() {
    SplittableRandom rnd = new SplittableRandom(3);
    int nr = PanamaInt8Gemm.NR;
    for (int m : ROWS) {
      for (int k : new int[] {1, 7, 300, 2 * PanamaInt8Gemm.KC + 3}) {
        for (int n : new int[] {1, nr - 1, nr, nr + 1, 2 * nr + 3}) {
          check(rnd, m, k, n, rnd.nextBoolean(), false);
        }
      }
    }
  }

  @Test
  void extremeValuesWrapLikeTheReference() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (int m : new int[] {1, 4, 13}) {
      check(rnd, m, 70_000, PanamaInt8Gemm.NR + 1, true, true);
    }
  }

  private static void check(SplittableRandom rnd, int m, int k, int n, boolean unsigned, boolean extreme) {
    byte[] b = new byte[k * n + 5];
    int[] a = new int[m * k + 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (extreme ? (unsigned ? 0 : -128) : rnd.nextInt(256));
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = extreme ? 255 : rnd.nextInt(511) - 255;
    }
    int nr = PanamaInt8Gemm.NR;
    Int8Panels w = Int8Panels.pack(b, 5, k, n, unsigned, null, nr);
    int ldc = w.paddedN() + 3;
    int[] expected = new int[2 + m * ldc];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = rnd.nextInt();
    }
    int[] actual = expected.clone();
    new ScalarInt8Gemm(nr).multiplyAdd(a, 2, m, w, 0, w.panels(), expected, 2, ldc);
    new PanamaInt8Gemm().multiplyAdd(a, 2, m, w, 0, w.panels(), actual, 2, ldc);
    assertThat(actual).as("m=%d k=%d n=%d unsigned=%s", m, k, n, unsigned).isEqualTo(expected);
  }
}
