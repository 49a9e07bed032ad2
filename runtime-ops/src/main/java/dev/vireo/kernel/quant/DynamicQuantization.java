package dev.vireo.kernel.quant;

import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;

/**
 * Dynamic uint8 quantization of float activations, as DynamicQuantizeLinear and onnxruntime's
 * DynamicQuantizeMatMul do it: range {@code [min(0, min x), max(0, max x)]}, {@code scale =
 * (max - min) / 255}, {@code zero_point = saturate(round(-min / scale))}, {@code q =
 * saturate(round(x / scale) + zero_point)}, float32, rounding half to even. The element-wise
 * passes run on {@link QuantMaths} (SIMD when enabled, bit-identical to the scalar reference).
 */
public final class DynamicQuantization {
  private DynamicQuantization() {}

  /** The scale and zero point of a tensor's data. */
  public record Params(float scale, int zeroPoint) {}

  /** The parameters of x[0..n): scale 0 and zero point 0 when x is all zero (the spec's result). */
  public static Params of(float[] x, int n) {
    float[] range = new float[2];
    QuantMaths.get().range(x, 0, n, range);
    float scale = (range[1] - range[0]) / 255f;
    int zp = scale == 0 ? 0 : (int) Math.clamp(Math.rint(-range[0] / scale), 0, 255);
    return new Params(scale, zp);
  }

  /** q = saturate(round(x / scale) + zp) into out as uint8 (all zp when scale is 0). */
  public static void quantize(float[] x, int n, Params p, byte[] out) {
    if (p.scale() == 0) {
      java.util.Arrays.fill(out, 0, n, (byte) p.zeroPoint());
      return;
    }
    QuantMaths.get().quantize(x, 0, n, p.scale(), p.zeroPoint(), 0, 255, out, 0);
  }

  /** As {@link #quantize}, but stores {@code q - zp} as ints (the centered GEMM operand). */
  public static void quantizeCentered(float[] x, int n, Params p, int[] out) {
    if (p.scale() == 0) {
      java.util.Arrays.fill(out, 0, n, 0);
      return;
    }
    QuantMath math = QuantMaths.get();
    math.quantizeCentered(x, 0, n, p.scale(), p.zeroPoint(), out, 0);
  }
}
