package dev.vireo.quantize;

import dev.vireo.quantize.calibrate.Range;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * The quantization arithmetic: symmetric int8 weights (per tensor or per channel), int32 biases
 * and asymmetric uint8 activation parameters. Rounding is half to even, as QuantizeLinear does.
 */
public final class QuantMath {
  /** int8 weights use [-127, 127] so that the range is symmetric around zero point 0. */
  static final int INT8_MAX = 127;

  private QuantMath() {}

  /**
   * A quantized tensor with its scale and zero point (scalars, or one per channel along {@code
   * axis}; axis -1 for per-tensor).
   */
  public record Quantized(Tensor data, Tensor scale, Tensor zeroPoint, int axis) {}

  /**
   * Quantizes a float weight to int8 symmetrically.
   *
   * @param axis the channel axis for one scale per channel, or -1 for one scale
   */
  public static Quantized weightInt8(Tensor w, int axis) {
    float[] x = w.toFloatArray();
    Shape shape = w.shape();
    int channels = axis < 0 ? 1 : shape.dim(axis);
    int inner = axis < 0 ? x.length : shape.sizeBetween(axis + 1, shape.rank());
    float[] scales = new float[channels];
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % channels;
      scales[c] = Math.max(scales[c], Math.abs(x[i]));
    }
    for (int c = 0; c < channels; c++) {
      scales[c] = scales[c] == 0 ? 1f : scales[c] / INT8_MAX;
    }
    byte[] q = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % channels;
      q[i] = (byte) clamp(Math.rint(x[i] / scales[c]), -INT8_MAX, INT8_MAX);
    }
    Shape ps = axis < 0 ? Shape.SCALAR : Shape.of(channels);
    return new Quantized(Tensor.wrap(DType.INT8, shape, q), Tensor.wrap(DType.FLOAT, ps, scales),
        Tensor.zeros(DType.INT8, ps), axis);
  }

  /**
   * Quantizes a 1-D float bias to int32 with scale {@code inputScale * weightScale[c]} and zero
   * point 0, the form QLinearConv adds to its accumulator.
   */
  public static Quantized biasInt32(Tensor bias, float inputScale, Tensor weightScale) {
    float[] b = bias.toFloatArray();
    float[] ws = weightScale.toFloatArray();
    float[] scales = new float[b.length];
    int[] q = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      scales[i] = inputScale * ws[ws.length == 1 ? 0 : i];
      q[i] = (int) clamp(Math.rint(b[i] / scales[i]), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    Shape ps = Shape.of(b.length);
    return new Quantized(Tensor.wrap(DType.INT32, bias.shape(), q), Tensor.wrap(DType.FLOAT, ps, scales),
        Tensor.zeros(DType.INT32, ps), 0);
  }

  /**
   * uint8 parameters {scale, zero point} covering {@code r} widened to include 0 (so that 0 is
   * exact, as padding needs).
   */
  public static Tensor[] activationUint8(Range r) {
    float lo = Math.min(r.min(), 0f);
    float hi = Math.max(r.max(), 0f);
    float scale = (hi - lo) / 255f;
    if (scale == 0 || !Float.isFinite(scale)) {
      scale = 1f;
    }
    int zp = (int) clamp(Math.rint(-lo / scale), 0, 255);
    return new Tensor[] {
      Tensor.wrap(DType.FLOAT, Shape.SCALAR, new float[] {scale}),
      Tensor.wrap(DType.UINT8, Shape.SCALAR, new byte[] {(byte) zp})
    };
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
