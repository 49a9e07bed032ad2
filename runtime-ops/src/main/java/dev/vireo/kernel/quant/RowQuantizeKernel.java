package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * dev.vireo RowQuantize: float A to uint8 with one symmetric scale per row (last axis), zero
 * point 128. For finite A it gives exactly what the standard ops it replaces give:
 * {@code scale = Div(Max(ReduceMax(Abs(A)), Float.MIN_NORMAL), 127)} and {@code q =
 * Cast<uint8>(Add(Round(Div(A, scale)), 128))}, all in float32.
 *
 * <p>The row's max |a| is {@code max(max a, -min a)} of the range {@link QuantMath#range} gives
 * (that range includes 0, and negation is exact); the quantization is {@link
 * QuantMath#quantize} with zero point 128, whose clamp to [0, 255] never binds because
 * {@code |a / scale| ≤ 127} up to rounding.
 */
public final class RowQuantizeKernel implements Kernel {
  /** The scale of a row of zeros, the constant the dynamic quantizer writes. */
  public static final float TINY = Float.MIN_NORMAL;
  /** The largest int8 magnitude, the divisor of the row's max |a|. */
  public static final float INT8_MAX = 127f;
  /** The zero point of the symmetric uint8 codes. */
  public static final int ZERO_POINT = 128;

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    if (a.dtype() != DType.FLOAT || a.rank() == 0) {
      throw new IllegalArgumentException("RowQuantize needs a float A of rank >= 1, got " + a.describe());
    }
    int[] dims = a.shape().dims();
    int k = dims[dims.length - 1];
    int rows = k == 0 ? 0 : a.size() / k;
    int[] scaleDims = dims.clone();
    scaleDims[dims.length - 1] = 1;
    Tensor q = ctx.allocateUninitialized(DType.UINT8, a.shape());
    Tensor scale = ctx.allocateUninitialized(DType.FLOAT, Shape.of(scaleDims));
    quantize(a.floats(), rows, k, q.bytes(), scale.floats());
    return new Tensor[] {q, scale};
  }

  /** Quantizes {@code rows × k} floats of x into q, one scale per row into scales. */
  static void quantize(float[] x, int rows, int k, byte[] q, float[] scales) {
    QuantMath math = QuantMaths.get();
    float[] range = new float[2];
    for (int r = 0; r < rows; r++) {
      int off = r * k;
      math.range(x, off, k, range);
      float maxAbs = Math.max(range[1], -range[0]);
      float s = Math.max(maxAbs, TINY) / INT8_MAX;
      scales[r] = s;
      math.quantize(x, off, k, s, ZERO_POINT, 0, 255, q, off);
    }
  }
}
