package dev.vireo.kernel.quant;

/**
 * Dynamic uint8 quantization of float activations, as DynamicQuantizeLinear and onnxruntime's
 * DynamicQuantizeMatMul do it: range {@code [min(0, min x), max(0, max x)]}, {@code scale =
 * (max - min) / 255}, {@code zero_point = saturate(round(-min / scale))}, {@code q =
 * saturate(round(x / scale) + zero_point)}, float32, rounding half to even.
 */
public final class DynamicQuantization {
  private DynamicQuantization() {}

  /** The scale of x[0..n): 0 when x is all zero (DynamicQuantizeLinear's spec result). */
  public static float scale(float[] x, int n) {
    float min = 0;
    float max = 0;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    return (max - min) / 255f;
  }

  /** The zero point for scale, given min of x (scale 0 gives 0). */
  public static int zeroPoint(float[] x, int n, float scale) {
    if (scale == 0) {
      return 0;
    }
    float min = 0;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, x[i]);
    }
    return (int) Math.clamp(Math.rint(-min / scale), 0, 255);
  }

  /** q = saturate(round(x / scale) + zp) into out as uint8 (all zp when scale is 0). */
  public static void quantize(float[] x, int n, float scale, int zp, byte[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = (byte) quantizeOne(x[i], scale, zp);
    }
  }

  /** As {@link #quantize}, but stores {@code q - zp} as ints (the centered GEMM operand). */
  public static void quantizeCentered(float[] x, int n, float scale, int zp, int[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = quantizeOne(x[i], scale, zp) - zp;
    }
  }

  private static int quantizeOne(float x, float scale, int zp) {
    if (scale == 0) {
      return zp;
    }
    float q = (float) Math.rint(x / scale) + zp;
    if (Float.isNaN(q)) {
      return zp;
    }
    return (int) Math.clamp(q, 0f, 255f);
  }
}
