package dev.vireo.linalg.panama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vireo.linalg.IndirectGemm;
import dev.vireo.linalg.ScalarIndirectGemm;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector {@link IndirectGemm} against the scalar one on the same packed A and offset table:
 * row counts around the register tile, column counts around the vector width, depths across a
 * packed block, storing and accumulating.
 */
class PanamaIndirectGemmTest {
  @BeforeEach
  void needsVectorModule() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector not enabled");
  }

  @Test
  void matchesScalarOverEdgeSizes() {
    PanamaIndirectGemm vector = new PanamaIndirectGemm();
    IndirectGemm scalar = new ScalarIndirectGemm(vector.rowBlock(), vector.panelWidth(),
        vector.depthBlock());
    SplittableRandom rnd = new SplittableRandom(3);
    int nr = vector.panelWidth();
    int lanes = nr / 4;
    for (int m : new int[] {1, 5, 6, 7, 13, 64}) {
      for (int cols : new int[] {1, lanes - 1, lanes, lanes + 1, 2 * lanes, 3 * lanes, 3 * lanes + 2,
          nr - 1, nr}) {
        if (cols < 1) {
          continue;
        }
        for (int k : new int[] {1, 9, vector.depthBlock() + 3}) {
          check(vector, scalar, rnd, m, cols, k);
        }
      }
    }
  }

  private static void check(IndirectGemm vector, IndirectGemm scalar, SplittableRandom rnd, int m,
      int cols, int k) {
    float[] a = random(rnd, m * k);
    float[] ap = vector.packA(m, k, a, 0, k);
    assertThat(ap).isEqualTo(scalar.packA(m, k, a, 0, k));
    int nr = vector.panelWidth();
    float[] src = random(rnd, 4 * k + 2 * nr + 50);
    int[] offsets = new int[k + 2];
    for (int p = 0; p < k; p++) {
      offsets[p + 2] = rnd.nextInt(4 * k + nr);
    }
    int ldc = nr + 3;
    int mPad = (m + vector.rowBlock() - 1) / vector.rowBlock() * vector.rowBlock();
    float[] expected = random(rnd, m * ldc + 1);
    float[] actual = expected.clone();
    for (int pc = 0; pc < k; pc += vector.depthBlock()) {
      int kc = Math.min(vector.depthBlock(), k - pc);
      scalar.multiply(m, kc, ap, pc * mPad, src, offsets, 2 + pc, 7, cols, expected, 1, ldc,
          pc > 0);
      vector.multiply(m, kc, ap, pc * mPad, src, offsets, 2 + pc, 7, cols, actual, 1, ldc, pc > 0);
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("m=%d cols=%d k=%d element %d", m, cols, k, i)
          .isCloseTo(expected[i], Offset.offset(1e-4f * (1 + Math.abs(expected[i]))));
    }
  }

  private static float[] random(SplittableRandom rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextDouble(-1, 1);
    }
    return v;
  }
}
