package dev.vireo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Float8Test {
  private static final DType[] F8 = {
    DType.FLOAT8E4M3FN, DType.FLOAT8E4M3FNUZ, DType.FLOAT8E5M2, DType.FLOAT8E5M2FNUZ
  };

  private static double dec(DType t, int code) {
    return Float8.toDouble(t, (byte) code);
  }

  private static int enc(DType t, double v, boolean saturate) {
    return Float8.fromDouble(t, v, saturate) & 0xFF;
  }

  @Test
  void decodesEveryCodeOfE4M3FN() {
    int nans = 0;
    for (int c = 0; c < 256; c++) {
      double v = dec(DType.FLOAT8E4M3FN, c);
      if (Double.isNaN(v)) {
        nans++;
        assertThat(c & 0x7F).isEqualTo(0x7F);
      } else {
        assertThat(Math.abs(v)).isLessThanOrEqualTo(448);
      }
    }
    assertThat(nans).isEqualTo(2);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x7E)).isEqualTo(448);
    assertThat(dec(DType.FLOAT8E4M3FN, 0xFE)).isEqualTo(-448);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x01)).isEqualTo(0x1p-9);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x07)).isEqualTo(7 * 0x1p-9);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x08)).isEqualTo(0x1p-6);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x38)).isEqualTo(1.0);
    assertThat(dec(DType.FLOAT8E4M3FN, 0x3C)).isEqualTo(1.5);
    assertThat(1 / dec(DType.FLOAT8E4M3FN, 0x80)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void decodesEveryCodeOfE4M3FNUZ() {
    for (int c = 0; c < 256; c++) {
      double v = dec(DType.FLOAT8E4M3FNUZ, c);
      assertThat(Double.isNaN(v)).isEqualTo(c == 0x80);
    }
    assertThat(dec(DType.FLOAT8E4M3FNUZ, 0x7F)).isEqualTo(240);
    assertThat(dec(DType.FLOAT8E4M3FNUZ, 0xFF)).isEqualTo(-240);
    assertThat(dec(DType.FLOAT8E4M3FNUZ, 0x01)).isEqualTo(0x1p-10);
    assertThat(dec(DType.FLOAT8E4M3FNUZ, 0x40)).isEqualTo(1.0);
  }

  @Test
  void decodesEveryCodeOfE5M2() {
    int nans = 0;
    for (int c = 0; c < 256; c++) {
      if (Double.isNaN(dec(DType.FLOAT8E5M2, c))) {
        nans++;
      }
    }
    assertThat(nans).isEqualTo(6);
    assertThat(dec(DType.FLOAT8E5M2, 0x7B)).isEqualTo(57344);
    assertThat(dec(DType.FLOAT8E5M2, 0x7C)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(dec(DType.FLOAT8E5M2, 0xFC)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(dec(DType.FLOAT8E5M2, 0x01)).isEqualTo(0x1p-16);
    assertThat(dec(DType.FLOAT8E5M2, 0x3C)).isEqualTo(1.0);
  }

  @Test
  void decodesEveryCodeOfE5M2FNUZ() {
    for (int c = 0; c < 256; c++) {
      assertThat(Double.isNaN(dec(DType.FLOAT8E5M2FNUZ, c))).isEqualTo(c == 0x80);
    }
    assertThat(dec(DType.FLOAT8E5M2FNUZ, 0x7F)).isEqualTo(57344);
    assertThat(dec(DType.FLOAT8E5M2FNUZ, 0x01)).isEqualTo(0x1p-17);
    assertThat(dec(DType.FLOAT8E5M2FNUZ, 0x40)).isEqualTo(1.0);
  }

  @Test
  void decodesEveryFloat4Code() {
    double[] expected = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
    for (int c = 0; c < 16; c++) {
      double v = dec(DType.FLOAT4E2M1, c);
      assertThat(v).isEqualTo(c < 8 ? expected[c] : -expected[c - 8]);
    }
  }

  @Test
  void everyNonNanCodeRoundTrips() {
    for (DType t : F8) {
      for (int c = 0; c < 256; c++) {
        double v = dec(t, c);
        if (!Double.isNaN(v)) {
          assertThat(enc(t, v, false)).as("%s code %02x", t, c).isEqualTo(c);
        }
      }
    }
    for (int c = 0; c < 16; c++) {
      assertThat(enc(DType.FLOAT4E2M1, dec(DType.FLOAT4E2M1, c), true)).isEqualTo(c);
    }
  }

  @Test
  void roundsHalfToEven() {
    // 1.0625 lies halfway between 1.0 (mantissa 000) and 1.125 (001): even is 1.0
    assertThat(enc(DType.FLOAT8E4M3FN, 1.0625, true)).isEqualTo(0x38);
    // 1.1875 lies halfway between 1.125 (001) and 1.25 (010): even is 1.25
    assertThat(enc(DType.FLOAT8E4M3FN, 1.1875, true)).isEqualTo(0x3A);
    assertThat(enc(DType.FLOAT8E4M3FN, 1.07, true)).isEqualTo(0x39);
    // subnormal tie: 1.5 * 2^-9 goes to 2 * 2^-9, 0.5 * 2^-9 goes to 0
    assertThat(enc(DType.FLOAT8E4M3FN, 1.5 * 0x1p-9, true)).isEqualTo(0x02);
    assertThat(enc(DType.FLOAT8E4M3FN, 0.5 * 0x1p-9, true)).isEqualTo(0x00);
    assertThat(enc(DType.FLOAT8E4M3FN, -0.5 * 0x1p-9, true)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E4M3FNUZ, -0.5 * 0x1p-10, true)).isEqualTo(0x00);
    // E5M2: 1.125 is halfway between 1.0 and 1.25
    assertThat(enc(DType.FLOAT8E5M2, 1.125, true)).isEqualTo(0x3C);
    assertThat(enc(DType.FLOAT8E5M2, 1.375, true)).isEqualTo(0x3E);
    // float4: 2.5 halfway between 2 (100) and 3 (101): even is 2; 5 between 4 and 6: 4
    assertThat(enc(DType.FLOAT4E2M1, 2.5, true)).isEqualTo(0x4);
    assertThat(enc(DType.FLOAT4E2M1, 5, true)).isEqualTo(0x6);
    assertThat(enc(DType.FLOAT4E2M1, 0.25, true)).isEqualTo(0x0);
    assertThat(enc(DType.FLOAT4E2M1, 0.26, true)).isEqualTo(0x1);
  }

  @Test
  void saturatesOrOverflowsPerFormat() {
    double inf = Double.POSITIVE_INFINITY;
    assertThat(enc(DType.FLOAT8E4M3FN, 1e6, true)).isEqualTo(0x7E);
    assertThat(enc(DType.FLOAT8E4M3FN, -inf, true)).isEqualTo(0xFE);
    assertThat(enc(DType.FLOAT8E4M3FN, 1e6, false)).isEqualTo(0x7F);
    assertThat(enc(DType.FLOAT8E4M3FN, -inf, false)).isEqualTo(0xFF);
    // 464 is halfway between 448 and the NaN slot 480: rounds to even 448, no overflow
    assertThat(enc(DType.FLOAT8E4M3FN, 464, false)).isEqualTo(0x7E);
    assertThat(enc(DType.FLOAT8E4M3FN, 465, false)).isEqualTo(0x7F);
    assertThat(enc(DType.FLOAT8E4M3FNUZ, 1e6, true)).isEqualTo(0x7F);
    assertThat(enc(DType.FLOAT8E4M3FNUZ, -1e6, false)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E5M2, 1e6, true)).isEqualTo(0x7B);
    assertThat(enc(DType.FLOAT8E5M2, 1e6, false)).isEqualTo(0x7C);
    assertThat(enc(DType.FLOAT8E5M2, -inf, false)).isEqualTo(0xFC);
    assertThat(enc(DType.FLOAT8E5M2FNUZ, inf, true)).isEqualTo(0x7F);
    assertThat(enc(DType.FLOAT8E5M2FNUZ, inf, false)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT4E2M1, -100, false)).isEqualTo(0xF);
  }

  @Test
  void encodesNanAndZeros() {
    assertThat(enc(DType.FLOAT8E4M3FN, Double.NaN, true)).isEqualTo(0x7F);
    assertThat(enc(DType.FLOAT8E5M2, Double.NaN, true)).isEqualTo(0x7E);
    assertThat(enc(DType.FLOAT4E2M1, Double.NaN, true)).isEqualTo(0x8);
    assertThat(enc(DType.FLOAT8E4M3FNUZ, Double.NaN, true)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E5M2FNUZ, Double.NaN, false)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E4M3FN, -0.0, true)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E5M2, -0.0, true)).isEqualTo(0x80);
    assertThat(enc(DType.FLOAT8E4M3FNUZ, -0.0, true)).isEqualTo(0x00);
    assertThat(enc(DType.FLOAT8E5M2FNUZ, -0.0, true)).isEqualTo(0x00);
  }

  @Test
  void e8m0DecodesEveryCodeAndRoundsByMode() {
    for (int c = 0; c < 255; c++) {
      assertThat(Float8.e8m0ToDouble((byte) c)).isEqualTo(Math.scalb(1.0, c - 127));
      assertThat(Float8.doubleToE8m0(Math.scalb(1.0, c - 127), false, "nearest") & 0xFF).isEqualTo(c);
    }
    assertThat(Float8.e8m0ToDouble((byte) 0xFF)).isNaN();
    assertThat(Float8.doubleToE8m0(1.1, true, "up") & 0xFF).isEqualTo(128);
    assertThat(Float8.doubleToE8m0(1.9, true, "down") & 0xFF).isEqualTo(127);
    assertThat(Float8.doubleToE8m0(1.4, true, "nearest") & 0xFF).isEqualTo(127);
    assertThat(Float8.doubleToE8m0(1.5, true, "nearest") & 0xFF).isEqualTo(128);
    assertThat(Float8.doubleToE8m0(0, true, "up") & 0xFF).isEqualTo(0);
    assertThat(Float8.doubleToE8m0(Double.POSITIVE_INFINITY, true, "up") & 0xFF).isEqualTo(0xFE);
    assertThat(Float8.doubleToE8m0(Double.POSITIVE_INFINITY, false, "up") & 0xFF).isEqualTo(0xFF);
    // float32's largest value rounds up past 2^127
    assertThat(Float8.doubleToE8m0(Float.MAX_VALUE, true, "up") & 0xFF).isEqualTo(0xFE);
    assertThat(Float8.doubleToE8m0(Float.MAX_VALUE, false, "up") & 0xFF).isEqualTo(0xFF);
    assertThat(Float8.doubleToE8m0(Double.NaN, true, "up") & 0xFF).isEqualTo(0xFF);
  }
}
