package dev.vireo.kernel.shape;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * The casts a quantized or tokenized model runs on every inference (float to 8-bit and 32-bit
 * integers and back, int32/int64/bool conversions), as one loop from the source array into the
 * target array. They give exactly {@link CastKernel}'s general answers: a float goes to an
 * integer through {@code (long) f} (toward zero, saturating at the long range, NaN to 0) and
 * keeps the target's low bits; integers become floats by Java's widening/rounding conversion.
 * The general path goes through a double or long per element and allocates temporaries, which
 * made Cast a visible share of a dynamically quantized transformer.
 */
final class DirectCasts {
  private DirectCasts() {}

  /** Whether {@link #cast} handles this pair. */
  static boolean handles(DType from, DType to) {
    return switch (from) {
      case FLOAT -> switch (to) {
        case INT8, UINT8, INT16, UINT16, INT32, INT64, DOUBLE, BOOL -> true;
        default -> false;
      };
      case INT32, INT64, INT8, UINT8, BOOL -> to == DType.FLOAT || to == DType.INT32 || to == DType.INT64;
      default -> false;
    };
  }

  /** Writes every element of x, converted, into out (same size); the pair must be {@link #handles handled}. */
  static void cast(Tensor x, Tensor out) {
    int n = x.size();
    switch (x.dtype()) {
      case FLOAT -> fromFloat(x.floats(), out, n);
      case INT32 -> {
        int[] s = x.ints();
        switch (out.dtype()) {
          case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = s[i]; }
          case INT64 -> { long[] o = out.longs(); for (int i = 0; i < n; i++) o[i] = s[i]; }
          default -> System.arraycopy(s, 0, out.ints(), 0, n);
        }
      }
      case INT64 -> {
        long[] s = x.longs();
        switch (out.dtype()) {
          case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = s[i]; }
          case INT32 -> { int[] o = out.ints(); for (int i = 0; i < n; i++) o[i] = (int) s[i]; }
          default -> System.arraycopy(s, 0, out.longs(), 0, n);
        }
      }
      case INT8, UINT8 -> {
        byte[] s = x.bytes();
        int mask = x.dtype() == DType.UINT8 ? 0xFF : -1;
        switch (out.dtype()) {
          case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = s[i] & mask; }
          case INT32 -> { int[] o = out.ints(); for (int i = 0; i < n; i++) o[i] = s[i] & mask; }
          default -> { long[] o = out.longs(); for (int i = 0; i < n; i++) o[i] = s[i] & mask; }
        }
      }
      case BOOL -> {
        boolean[] s = x.booleans();
        switch (out.dtype()) {
          case FLOAT -> { float[] o = out.floats(); for (int i = 0; i < n; i++) o[i] = s[i] ? 1f : 0f; }
          case INT32 -> { int[] o = out.ints(); for (int i = 0; i < n; i++) o[i] = s[i] ? 1 : 0; }
          default -> { long[] o = out.longs(); for (int i = 0; i < n; i++) o[i] = s[i] ? 1 : 0; }
        }
      }
      default -> throw new IllegalArgumentException("DirectCasts: " + x.dtype() + " to " + out.dtype());
    }
  }

  private static void fromFloat(float[] s, Tensor out, int n) {
    switch (out.dtype()) {
      case INT8, UINT8 -> { byte[] o = out.bytes(); for (int i = 0; i < n; i++) o[i] = (byte) (long) s[i]; }
      case INT16, UINT16 -> { short[] o = out.shorts(); for (int i = 0; i < n; i++) o[i] = (short) (long) s[i]; }
      case INT32 -> { int[] o = out.ints(); for (int i = 0; i < n; i++) o[i] = (int) (long) s[i]; }
      case INT64 -> { long[] o = out.longs(); for (int i = 0; i < n; i++) o[i] = (long) s[i]; }
      case DOUBLE -> { double[] o = out.doubles(); for (int i = 0; i < n; i++) o[i] = s[i]; }
      case BOOL -> { boolean[] o = out.booleans(); for (int i = 0; i < n; i++) o[i] = s[i] != 0; }
      default -> throw new IllegalArgumentException("DirectCasts: FLOAT to " + out.dtype());
    }
  }
}
