package dev.vireo.kernel.index;

import dev.vireo.kernel.Elements;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float16;

/** How ScatterElements and ScatterND combine an update with the element already there. */
enum Reduction {
  NONE, ADD, MUL, MAX, MIN;

  /** Parses the {@code reduction} attribute, checking it exists at the node's opset. */
  static Reduction parse(String op, String s, int opset) {
    Reduction r = switch (s) {
      case "none" -> NONE;
      case "add" -> ADD;
      case "mul" -> MUL;
      case "max" -> MAX;
      case "min" -> MIN;
      default -> throw new IllegalArgumentException(op + ": unknown reduction '" + s + "'");
    };
    // opset 16: add and mul; opset 18: max and min
    int since = r == NONE ? 1 : r == ADD || r == MUL ? 16 : 18;
    if (opset < since) {
      throw new IllegalArgumentException(op + ": reduction '" + s + "' needs opset " + since + ", the model has " + opset);
    }
    return r;
  }

  /**
   * {@code dst[map[i]] = dst[map[i]] (op) src[i]} for every i, in order; NONE assigns. dst and src
   * have dtype's storage; half floats are combined in float32.
   */
  void apply(DType t, Object src, int[] map, Object dst) {
    if (this == NONE) {
      Elements.scatter(src, map, dst);
      return;
    }
    int n = map.length;
    switch (dst) {
      case float[] d -> { float[] s = (float[]) src; for (int i = 0; i < n; i++) d[map[i]] = (float) op(d[map[i]], s[i]); }
      case double[] d -> { double[] s = (double[]) src; for (int i = 0; i < n; i++) d[map[i]] = op(d[map[i]], s[i]); }
      case int[] d -> {
        int[] s = (int[]) src;
        for (int i = 0; i < n; i++) d[map[i]] = (int) opLong(d[map[i]], s[i], t == DType.UINT32);
      }
      case long[] d -> { long[] s = (long[]) src; for (int i = 0; i < n; i++) d[map[i]] = opLong(d[map[i]], s[i], t == DType.UINT64); }
      case short[] d when t == DType.FLOAT16 -> {
        short[] s = (short[]) src;
        for (int i = 0; i < n; i++) {
          d[map[i]] = Float16.floatToHalf((float) op(Float16.halfToFloat(d[map[i]]), Float16.halfToFloat(s[i])));
        }
      }
      case short[] d when t == DType.BFLOAT16 -> {
        short[] s = (short[]) src;
        for (int i = 0; i < n; i++) {
          d[map[i]] = Float16.floatToBfloat16(
              (float) op(Float16.bfloat16ToFloat(d[map[i]]), Float16.bfloat16ToFloat(s[i])));
        }
      }
      case short[] d -> {
        short[] s = (short[]) src;
        boolean u = t.isUnsigned();
        for (int i = 0; i < n; i++) d[map[i]] = (short) opLong(u ? d[map[i]] & 0xffff : d[map[i]], u ? s[i] & 0xffff : s[i], false);
      }
      case byte[] d when t.isInteger() -> {
        byte[] s = (byte[]) src;
        boolean u = t.isUnsigned();
        for (int i = 0; i < n; i++) d[map[i]] = (byte) opLong(u ? d[map[i]] & 0xff : d[map[i]], u ? s[i] & 0xff : s[i], false);
      }
      case boolean[] d -> {
        boolean[] s = (boolean[]) src;
        for (int i = 0; i < n; i++) {
          d[map[i]] = this == ADD || this == MAX ? d[map[i]] | s[i] : d[map[i]] & s[i];
        }
      }
      default -> throw new IllegalArgumentException("reduction " + name().toLowerCase() + " does not support " + t);
    }
  }

  private double op(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case MUL -> a * b;
      case MAX -> Math.max(a, b);
      case MIN -> Math.min(a, b);
      case NONE -> b;
    };
  }

  private long opLong(long a, long b, boolean unsigned) {
    return switch (this) {
      case ADD -> a + b;
      case MUL -> a * b;
      case MAX -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) >= 0 ? a : b;
      case MIN -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? a : b;
      case NONE -> b;
    };
  }
}
