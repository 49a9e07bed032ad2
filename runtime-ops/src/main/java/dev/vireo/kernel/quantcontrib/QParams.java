package dev.vireo.kernel.quantcontrib;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/** Per-tensor scales and zero points of the com.microsoft quantized ops, and their rounding. */
final class QParams {
  private QParams() {}

  /** A per-tensor float scale (a scalar or a 1-element tensor). */
  static float scale(String op, String name, Tensor t) {
    if (t == null || t.size() != 1 || t.dtype() != DType.FLOAT) {
      throw new IllegalArgumentException(op + ": " + name + " must be a float scalar, got "
          + (t == null ? "none" : t.describe()));
    }
    return t.floats()[0];
  }

  /** A per-tensor zero point; 0 when omitted. */
  static int zeroPoint(String op, String name, Tensor t, DType type) {
    if (t == null) {
      return 0;
    }
    if (t.size() != 1 || t.dtype() != type) {
      throw new IllegalArgumentException(op + ": " + name + " must be a " + type + " scalar, got "
          + t.describe());
    }
    return type == DType.UINT8 ? t.bytes()[0] & 0xFF : t.bytes()[0];
  }

  static int lowest(DType t) {
    return t == DType.UINT8 ? 0 : -128;
  }

  static int highest(DType t) {
    return t == DType.UINT8 ? 255 : 127;
  }

  /** Element i of an 8-bit tensor as an int. */
  static int get(byte[] d, int i, boolean unsigned) {
    return unsigned ? d[i] & 0xFF : d[i];
  }

  /** {@code saturate(round_half_even(v) + zp)} into [lo, hi]; NaN gives zp. */
  static byte quantize(float v, int zp, int lo, int hi) {
    if (Float.isNaN(v)) {
      return (byte) Math.clamp(zp, lo, hi);
    }
    float r = (float) Math.rint(v) + zp;
    return (byte) (int) Math.clamp(r, (float) lo, (float) hi);
  }

  /**
   * The 256-entry table of an elementwise function on dequantized 8-bit values, requantized:
   * {@code table[q & 0xFF] = quantize(f(x_scale·(q - x_zp)) / y_scale) + y_zp}.
   */
  static byte[] table(java.util.function.IntToDoubleFunction dequantized, FloatFn f, float yScale,
      int yZp, DType type) {
    byte[] table = new byte[256];
    for (int q = 0; q < 256; q++) {
      int v = type == DType.UINT8 ? q : (byte) q;
      float x = (float) dequantized.applyAsDouble(v);
      table[q] = quantize(f.apply(x) / yScale, yZp, lowest(type), highest(type));
    }
    return table;
  }

  /** A float function. */
  @FunctionalInterface
  interface FloatFn {
    float apply(float x);
  }
}
