package dev.vireo.kernel.quant;

import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Tensor;

/** Range and element writes for the quantized types, shared by the quantization kernels. */
final class QuantTypes {
  private QuantTypes() {}

  /** Whether t is an integer type a quantized tensor can have (8, 16, 4 or 2 bits). */
  static boolean isQuantInteger(DType t) {
    return switch (t) {
      case INT8, UINT8, INT16, UINT16, INT4, UINT4, INT2, UINT2 -> true;
      default -> false;
    };
  }

  static long lowest(DType t) {
    return switch (t) {
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT4 -> -8;
      case INT2 -> -2;
      case INT32 -> Integer.MIN_VALUE;
      default -> 0;
    };
  }

  static long highest(DType t) {
    return switch (t) {
      case INT8 -> Byte.MAX_VALUE;
      case UINT8 -> 255;
      case INT16 -> Short.MAX_VALUE;
      case UINT16 -> 65535;
      case INT4 -> 7;
      case UINT4 -> 15;
      case INT2 -> 1;
      case UINT2 -> 3;
      case INT32 -> Integer.MAX_VALUE;
      default -> throw new IllegalArgumentException(t + " is not a quantized integer type");
    };
  }

  /** Stores integer v, already within t's range, as element i of out. */
  static void setInteger(Tensor out, int i, long v) {
    switch (out.dtype().storage()) {
      case BYTE -> out.bytes()[i] = (byte) v;
      case SHORT -> out.shorts()[i] = (short) v;
      case INT -> out.ints()[i] = (int) v;
      default -> throw new IllegalArgumentException("cannot store " + out.dtype() + " as an integer");
    }
  }

  /** Stores v as element i of out, a float type; rounds to nearest even. */
  static void setFloat(Tensor out, int i, double v) {
    switch (out.dtype()) {
      case FLOAT -> out.floats()[i] = (float) v;
      case DOUBLE -> out.doubles()[i] = v;
      case FLOAT16 -> out.shorts()[i] = Float16.floatToHalf((float) v);
      case BFLOAT16 -> out.shorts()[i] = Float16.floatToBfloat16((float) v);
      default -> throw new IllegalArgumentException("cannot store " + out.dtype() + " as a float");
    }
  }

  /** v rounded to the precision of float type t (float32 arithmetic for f16/bf16 rounds again). */
  static double roundTo(DType t, double v) {
    return switch (t) {
      case FLOAT -> (float) v;
      case FLOAT16 -> Float16.halfToFloat(Float16.floatToHalf((float) v));
      case BFLOAT16 -> Float16.bfloat16ToFloat(Float16.floatToBfloat16((float) v));
      default -> v;
    };
  }

  /** Saturating, round-half-to-even integer quantization of q + zeroPoint into t. */
  static long quantizeInteger(double q, long zeroPoint, DType t) {
    double r = Math.rint(q) + zeroPoint;
    if (Double.isNaN(r)) {
      return Math.clamp(zeroPoint, lowest(t), highest(t));
    }
    return (long) Math.clamp(r, (double) lowest(t), (double) highest(t));
  }
}
