package dev.vireo.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@link QuantMath} in use (SIMD at this JVM's width, or scalar) matches {@link
 * ScalarQuantMath} bit for bit, at odd lengths and offsets and on extreme values; the reference
 * itself is checked on hand-computed values.
 */
class QuantMathTest {
  private static final QuantMath FAST = QuantMaths.get();
  private static final QuantMath REF = new ScalarQuantMath();
  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 100, 257};

  /** Random floats mixed with ties at .5, NaN, ±Inf, ±0, huge and tiny values. */
  private static float[] data(SplittableRandom rnd, int n, float scale) {
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        0.5f * scale, 1.5f * scale, 2.5f * scale, -0.5f * scale, -2.5f * scale, 127.5f * scale,
        -128.5f * scale, 255.5f * scale, 254.5f * scale, 1e30f, -1e30f, Float.MIN_VALUE,
        Float.MAX_VALUE, -Float.MAX_VALUE, 511.5f * scale, 512.5f * scale, -511.5f * scale};
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextInt(5) == 0 ? special[rnd.nextInt(special.length)]
          : (float) rnd.nextDouble(-300, 300) * scale;
    }
    return x;
  }

  @Test
  void referenceRoundsHalfToEvenSaturatesAndMapsNanToTheZeroPoint() {
    float[] x = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 300f, -300f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 2.49f};
    byte[] u = new byte[x.length];
    REF.quantize(x, 0, x.length, 1f, 10, 0, 255, u, 0);
    int[] got = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      got[i] = u[i] & 0xFF;
    }
    assertThat(got).containsExactly(10, 12, 12, 10, 8, 255, 0, 10, 255, 0, 12);
    byte[] s = new byte[x.length];
    REF.quantize(x, 0, x.length, 1f, -3, -128, 127, s, 0);
    assertThat(s).containsExactly(-3, -1, -1, -3, -5, 127, -128, -3, 127, -128, -1);
  }

  @Test
  void rangeMatchesReference() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int n : LENGTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[] x = data(rnd, n + 3, 1f);
        if (trial % 2 == 0) {
          for (int i = 0; i < x.length; i++) {
            x[i] = Float.isNaN(x[i]) ? 1f : x[i];
          }
        }
        float[] want = new float[2];
        float[] got = new float[2];
        REF.range(x, 3, n, want);
        FAST.range(x, 3, n, got);
        assertThat(Float.floatToRawIntBits(got[0])).as("min n=%d", n).isEqualTo(Float.floatToRawIntBits(want[0]));
        assertThat(Float.floatToRawIntBits(got[1])).as("max n=%d", n).isEqualTo(Float.floatToRawIntBits(want[1]));
      }
    }
    float[] want = new float[2];
    REF.range(new float[] {-0f, 3f, -2f}, 0, 3, want);
    assertThat(want).containsExactly(-2f, 3f);
  }

  @Test
  void quantizeMatchesReferenceBitForBit() {
    SplittableRandom rnd = new SplittableRandom(2);
    int[][] ranges = {{0, 255}, {-128, 127}};
    float[] scales = {1f, 0.0173f, 3.1e-5f, 250f};
    for (int n : LENGTHS) {
      for (float scale : scales) {
        for (int[] r : ranges) {
          for (int zp : new int[] {r[0], r[1], (r[0] + r[1]) / 2, r[0] + 1}) {
            float[] x = data(rnd, n + 5, scale);
            byte[] want = new byte[n + 2];
            byte[] got = new byte[n + 2];
            REF.quantize(x, 5, n, scale, zp, r[0], r[1], want, 2);
            FAST.quantize(x, 5, n, scale, zp, r[0], r[1], got, 2);
            assertThat(got).as("n=%d scale=%s zp=%d", n, scale, zp).containsExactly(want);
            if (r[0] == 0) {
              int[] wantC = new int[n + 1];
              int[] gotC = new int[n + 1];
              REF.quantizeCentered(x, 5, n, scale, zp, wantC, 1);
              FAST.quantizeCentered(x, 5, n, scale, zp, gotC, 1);
              assertThat(gotC).as("centered n=%d scale=%s zp=%d", n, scale, zp).containsExactly(wantC);
            }
          }
        }
      }
    }
  }

  @Test
  void centerAndDequantizeMatchReference() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int n : LENGTHS) {
      byte[] x = new byte[n + 3];
      rnd.nextBytes(x);
      for (boolean unsigned : new boolean[] {false, true}) {
        for (int zp : unsigned ? new int[] {0, 255, 77} : new int[] {-128, 127, 0}) {
          int[] want = new int[n + 1];
          int[] got = new int[n + 1];
          REF.center(x, 3, n, unsigned, zp, want, 1);
          FAST.center(x, 3, n, unsigned, zp, got, 1);
          assertThat(got).containsExactly(want);
          float[] wantF = new float[n];
          float[] gotF = new float[n];
          REF.dequantize(x, 3, n, unsigned, zp, 0.0371f, wantF, 0);
          FAST.dequantize(x, 3, n, unsigned, zp, 0.0371f, gotF, 0);
          assertThat(gotF).containsExactly(wantF);
        }
      }
    }
    int[] c = new int[2];
    REF.center(new byte[] {(byte) 255, (byte) 0x80}, 0, 2, true, 255, c, 0);
    assertThat(c).containsExactly(0, -127);
  }

  @Test
  void scaleToFloatMatchesReference() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (int n : LENGTHS) {
      int[] c = new int[n + 2];
      float[] scale = new float[n + 1];
      float[] bias = new float[n + 4];
      for (int i = 0; i < c.length; i++) {
        c[i] = rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) : rnd.nextInt();
      }
      for (int i = 0; i < scale.length; i++) {
        scale[i] = (float) rnd.nextDouble(-1e-3, 1e-3);
      }
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (float) rnd.nextDouble(-1e3, 1e3);
      }
      for (float[] b : new float[][] {null, bias}) {
        float[] want = new float[n];
        float[] got = new float[n];
        REF.scaleToFloat(c, 2, n, scale, 1, b, 4, want, 0);
        FAST.scaleToFloat(c, 2, n, scale, 1, b, 4, got, 0);
        assertThat(got).containsExactly(want);
      }
      float[] want = new float[n];
      float[] got = new float[n];
      REF.scaleToFloat(c, 1, n, 3.7e-4f, want, 0);
      FAST.scaleToFloat(c, 1, n, 3.7e-4f, got, 0);
      assertThat(got).containsExactly(want);
    }
  }

  @Test
  void requantizeAndNarrowMatchReference() {
    SplittableRandom rnd = new SplittableRandom(5);
    int[] special = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20, -(1 << 20), 12345, -77};
    float[] multipliers = {1f, 0.5f, 1.5f, 2.5e-4f, 3.0517578e-5f, 1e-9f, 37f};
    for (int n : LENGTHS) {
      for (float mul : multipliers) {
        for (int[] r : new int[][] {{0, 255}, {-128, 127}}) {
          int[] c = new int[n + 3];
          for (int i = 0; i < c.length; i++) {
            c[i] = switch (rnd.nextInt(3)) {
              case 0 -> special[rnd.nextInt(special.length)];
              case 1 -> Math.round((rnd.nextInt(600) - 300 + 0.5f) / mul);
              default -> rnd.nextInt(-100_000, 100_000);
            };
          }
          int zp = r[0] == 0 ? rnd.nextInt(256) : rnd.nextInt(256) - 128;
          int[] want = c.clone();
          int[] got = c.clone();
          REF.requantize(want, 3, n, mul, zp, r[0], r[1]);
          FAST.requantize(got, 3, n, mul, zp, r[0], r[1]);
          assertThat(got).as("n=%d mul=%s zp=%d", n, mul, zp).containsExactly(want);
          byte[] wantB = new byte[n + 1];
          byte[] gotB = new byte[n + 1];
          REF.narrow(want, 3, n, wantB, 1);
          FAST.narrow(want, 3, n, gotB, 1);
          assertThat(gotB).containsExactly(wantB);
        }
      }
    }
    int[] c = {5, 7, -5, 1000, -1000};
    REF.requantize(c, 0, 5, 0.5f, 3, 0, 255);
    assertThat(c).containsExactly(5, 7, 1, 255, 0);
  }
}
