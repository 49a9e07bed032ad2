package dev.vireo.tensor;

/**
 * Conversions between double and the small float formats ONNX stores one element per byte:
 * FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ and FLOAT4E2M1 (bit pattern in the
 * low bits of the byte).
 *
 * <p>Encoding rounds to nearest even at the target's precision (subnormals included). A rounded
 * magnitude above the largest finite value, and an infinity, become that largest value when
 * {@code saturate} is set; otherwise infinity for E5M2 and NaN for the others (FLOAT4E2M1, which
 * has neither, always saturates). The FNUZ formats have no negative zero ({@code -0} encodes as
 * {@code 0}) and one NaN, {@code 0x80}; E4M3FN's NaN is {@code S.1111.111}; E5M2 follows IEEE
 * (exponent all ones: infinity or NaN). NaN keeps its sign where the format has a signed NaN;
 * FLOAT4E2M1 encodes NaN as {@code 0x7}, the code ONNX's reference gives it.
 */
public final class Float8 {
  private Float8() {}

  /** One format's layout and special codes. */
  private record Format(int mantBits, int bias, int signBit, double max, int maxCode, boolean uz,
      boolean hasInf, int nanCode) {}

  private static final Format E4M3FN = new Format(3, 7, 0x80, 448, 0x7E, false, false, 0x7F);
  private static final Format E4M3FNUZ = new Format(3, 8, 0x80, 240, 0x7F, true, false, 0x80);
  private static final Format E5M2 = new Format(2, 15, 0x80, 57344, 0x7B, false, true, 0x7E);
  private static final Format E5M2FNUZ = new Format(2, 16, 0x80, 57344, 0x7F, true, false, 0x80);
  private static final Format E2M1 = new Format(1, 1, 0x8, 6, 0x7, false, false, 0x8);

  /** Whether t is one of the formats this class converts. */
  public static boolean supports(DType t) {
    return switch (t) {
      case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT4E2M1 -> true;
      default -> false;
    };
  }

  private static Format format(DType t) {
    return switch (t) {
      case FLOAT8E4M3FN -> E4M3FN;
      case FLOAT8E4M3FNUZ -> E4M3FNUZ;
      case FLOAT8E5M2 -> E5M2;
      case FLOAT8E5M2FNUZ -> E5M2FNUZ;
      case FLOAT4E2M1 -> E2M1;
      default -> throw new IllegalArgumentException(t + " is not a float8 or float4 type");
    };
  }

  /** The largest finite value of format t. */
  public static double maxFinite(DType t) {
    return format(t).max;
  }

  /** Decodes the bit pattern {@code bits} (low 8 or 4 bits) of format t; exact. */
  public static double toDouble(DType t, byte bits) {
    Format f = format(t);
    int code = bits & (f.signBit * 2 - 1);
    int mag = code & (f.signBit - 1);
    boolean negative = (code & f.signBit) != 0;
    if (f.uz) {
      if (code == 0x80) {
        return Double.NaN;
      }
    } else if (t == DType.FLOAT8E4M3FN && mag == 0x7F) {
      return Double.NaN;
    } else if (f.hasInf && (mag >> f.mantBits) == 0x1F) {
      double special = (mag & 3) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      return negative ? -special : special;
    }
    int exp = mag >> f.mantBits;
    int mant = mag & ((1 << f.mantBits) - 1);
    double v = exp == 0
        ? Math.scalb((double) mant, 1 - f.bias - f.mantBits)
        : Math.scalb((double) ((1 << f.mantBits) + mant), exp - f.bias - f.mantBits);
    return negative ? -v : v;
  }

  /** Encodes v in format t (rules in the class comment); the pattern is in the low bits. */
  public static byte fromDouble(DType t, double v, boolean saturate) {
    Format f = format(t);
    boolean negative = (Double.doubleToRawLongBits(v) < 0);
    int sign = negative ? f.signBit : 0;
    if (Double.isNaN(v)) {
      return (byte) (f.uz || t == DType.FLOAT4E2M1 ? f.nanCode : f.nanCode | sign);
    }
    double a = Math.abs(v);
    if (Double.isInfinite(a)) {
      return overflow(t, f, sign, saturate);
    }
    if (a == 0) {
      return (byte) (f.uz ? 0 : sign);
    }
    int emin = 1 - f.bias;
    int e = Math.max(Math.getExponent(a), emin);
    // r counts quanta of the target's spacing at a's binade; Math.rint rounds half to even.
    double r = Math.rint(Math.scalb(a, f.mantBits - e));
    if (r == 0) {
      return (byte) (f.uz ? 0 : sign);
    }
    if (r >= (2 << f.mantBits)) {
      r /= 2;
      e++;
    }
    if (Math.scalb(r, e - f.mantBits) > f.max) {
      return overflow(t, f, sign, saturate);
    }
    int ri = (int) r;
    int code = ri < (1 << f.mantBits)
        ? ri
        : ((e + f.bias) << f.mantBits) | (ri - (1 << f.mantBits));
    return (byte) (code | sign);
  }

  private static byte overflow(DType t, Format f, int sign, boolean saturate) {
    if (saturate || t == DType.FLOAT4E2M1) {
      return (byte) (f.maxCode | sign);
    }
    if (f.hasInf) {
      return (byte) (0x7C | sign);
    }
    return (byte) (f.uz ? f.nanCode : f.nanCode | sign);
  }

  /** Decodes a FLOAT8E8M0 code: {@code 2^(code - 127)}, NaN for {@code 0xFF}; exact. */
  public static double e8m0ToDouble(byte bits) {
    int code = bits & 0xFF;
    return code == 0xFF ? Double.NaN : Math.scalb(1.0, code - 127);
  }

  /**
   * Encodes v as FLOAT8E8M0 after rounding it to float32 (whose exponent has the same bias).
   * The sign is ignored (negative inputs are undefined in ONNX). {@code roundMode} is "up" (the
   * next power of two at or above |v|), "down" (at or below) or "nearest" (by linear distance,
   * a tie going up). Results above {@code 2^127}, and infinity, become {@code 0xFE} when
   * saturating and NaN ({@code 0xFF}) otherwise; magnitudes at or below {@code 2^-127} give 0.
   *
   * @throws IllegalArgumentException for an unknown round mode
   */
  public static byte doubleToE8m0(double v, boolean saturate, String roundMode) {
    if (Double.isNaN(v)) {
      return (byte) 0xFF;
    }
    int bits = Float.floatToRawIntBits(Math.abs((float) v));
    int exp = bits >>> 23;
    int mant = bits & 0x7FFFFF;
    if (exp == 0xFF) {
      return (byte) (saturate ? 0xFE : 0xFF);
    }
    int code;
    switch (roundMode) {
      case "up" -> code = exp == 0 ? (mant > 0x400000 ? 1 : 0) : exp + (mant != 0 ? 1 : 0);
      case "down" -> code = exp;
      case "nearest" -> code = exp == 0 ? (mant >= 0x600000 ? 1 : 0) : exp + (mant >= 0x400000 ? 1 : 0);
      default -> throw new IllegalArgumentException(
          "round_mode must be up, down or nearest, got '" + roundMode + "'");
    }
    if (code > 0xFE) {
      return (byte) (saturate ? 0xFE : 0xFF);
    }
    return (byte) code;
  }
}
