package dev.vireo.linalg;

/**
 * The element-wise steps of 8-bit quantization over runs of arrays: the range of float data,
 * float to 8-bit with rounding half to even and saturation, 8-bit to centered ints or floats,
 * and int32 accumulators to scaled floats. Every implementation gives bit-identical results:
 * {@link ScalarQuantMath} is the reference and the fallback, a SIMD one in {@code
 * dev.vireo.linalg.panama} the fast path; callers go through {@link QuantMaths#get()}.
 *
 * <p>Quantization of one value, float32 throughout: {@code v = x / scale}; NaN gives the zero
 * point; otherwise {@code clamp(rint(v) + zeroPoint, lo, hi)} where rint rounds half to even and
 * ±Inf saturate. Division, not multiplication by a reciprocal, as ONNX specifies.
 */
public interface QuantMath {
  /**
   * {@code min(0, min x)} into {@code range[0]} and {@code max(0, max x)} into {@code range[1]}
   * over {@code x[off, off + n)}, with {@link Math#min}/{@link Math#max} semantics (a NaN in x
   * makes both NaN; -0 is below +0).
   */
  void range(float[] x, int off, int n, float[] range);

  /**
   * Quantizes {@code x[xo, xo + n)} into {@code out[oo, oo + n)} as bytes (two's complement for
   * int8, the low 8 bits for uint8); {@code lo ≤ zeroPoint ≤ hi} and {@code [lo, hi]} is [0, 255]
   * or [-128, 127].
   */
  void quantize(float[] x, int xo, int n, float scale, int zeroPoint, int lo, int hi, byte[] out,
      int oo);

  /** As {@link #quantize} into [0, 255], storing {@code q - zeroPoint} as ints. */
  void quantizeCentered(float[] x, int xo, int n, float scale, int zeroPoint, int[] out, int oo);

  /** {@code out[oo + i] = value(x[xo + i]) - zeroPoint}, the byte read as uint8 or int8. */
  void center(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, int[] out, int oo);

  /** {@code out[oo + i] = (value(x[xo + i]) - zeroPoint) · scale} in float32. */
  void dequantize(byte[] x, int xo, int n, boolean unsigned, int zeroPoint, float scale,
      float[] out, int oo);

  /**
   * {@code out[oo + j] = (float) c[co + j] · scale[so + j] + bias[bo + j]} for j in [0, n): float32,
   * a rounded product then a rounded sum (no fused multiply-add); {@code bias} may be null (no
   * sum).
   */
  void scaleToFloat(int[] c, int co, int n, float[] scale, int so, float[] bias, int bo,
      float[] out, int oo);

  /**
   * {@code out[oo + j] = (float) c[co + j] · scale} for j in [0, n) (a per-tensor scale).
   */
  void scaleToFloat(int[] c, int co, int n, float scale, float[] out, int oo);

  /**
   * Requantizes int32 accumulators in place: {@code c = clamp(rint((double) c · multiplier) +
   * zeroPoint, lo, hi)}, the product in double (as the int32 and the float32 multiplier give it,
   * rounded once), rounding half to even; {@code lo ≤ zeroPoint ≤ hi} within [-128, 255].
   */
  void requantize(int[] c, int co, int n, float multiplier, int zeroPoint, int lo, int hi);

  /** {@code out[oo + i] = (byte) c[co + i]}: the low 8 bits. */
  void narrow(int[] c, int co, int n, byte[] out, int oo);
}
