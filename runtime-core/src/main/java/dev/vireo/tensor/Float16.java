package dev.vireo.tensor;

/** Conversions between float32 and the 16-bit float formats, rounding to nearest even. */
public final class Float16 {
  private Float16() {}

  /** IEEE half-precision bits to float. */
  public static float halfToFloat(short bits) {
    return Float.float16ToFloat(bits);
  }

  /** Float to IEEE half-precision bits, rounding to nearest even. */
  public static short floatToHalf(float f) {
    return Float.floatToFloat16(f);
  }

  /** bfloat16 bits to float: the upper half of a float32. */
  public static float bfloat16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** Float to bfloat16 bits, rounding to nearest even; NaN stays a quiet NaN. */
  public static short floatToBfloat16(float f) {
    int x = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return (short) ((x >>> 16) | 0x0040);
    }
    int roundingBias = 0x7fff + ((x >>> 16) & 1);
    return (short) ((x + roundingBias) >>> 16);
  }
}
