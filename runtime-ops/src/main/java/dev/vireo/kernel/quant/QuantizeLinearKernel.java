package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Float8;
import dev.vireo.tensor.Tensor;

/**
 * QuantizeLinear: {@code y = saturate(round(x / y_scale) + y_zero_point)}, rounding half to even
 * and clamping to the output type's range; for float8/float4 outputs {@code y = cast(x / y_scale
 * + y_zero_point)} with the {@code saturate} attribute's overflow rule. The division happens at
 * the precision of {@code precision} (opset 23) or else of the scale's type. The output type is
 * the zero point's, else {@code output_dtype} (opset 21), else uint8. Scales are per-tensor,
 * per-axis (opset 13) or blocked (opset 21, {@code block_size}), see {@link QuantLayout}.
 */
public final class QuantizeLinearKernel implements Kernel {
  private final long axis;
  private final long blockSize;
  private final boolean saturate;
  private final DType outputDtype;
  private final DType precision;

  public QuantizeLinearKernel(Node n) {
    axis = n.attrInt("axis", 1);
    blockSize = n.attrInt("block_size", 0);
    saturate = n.attrInt("saturate", 1) != 0;
    long od = n.attrInt("output_dtype", 0);
    outputDtype = od == 0 ? null : DType.fromOnnx((int) od);
    long p = n.attrInt("precision", 0);
    precision = p == 0 ? null : DType.fromOnnx((int) p);
    if (outputDtype != null && !QuantTypes.isQuantInteger(outputDtype)
        && !Float8.supports(outputDtype)) {
      throw new IllegalArgumentException("QuantizeLinear cannot produce " + outputDtype);
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor scale = inputs[1];
    Tensor zp = inputs.length > 2 ? inputs[2] : null;
    DType to = zp != null ? zp.dtype() : outputDtype != null ? outputDtype : DType.UINT8;
    if (outputDtype != null && to != outputDtype) {
      throw new IllegalArgumentException("QuantizeLinear: output_dtype " + outputDtype
          + " differs from the zero point's type " + zp.describe());
    }
    if (zp != null && zp.size() != scale.size()) {
      throw new IllegalArgumentException("QuantizeLinear: zero point " + zp.describe()
          + " and scale " + scale.describe() + " differ in size");
    }
    QuantLayout layout = QuantLayout.of("QuantizeLinear", x.shape(), scale.shape(), axis, blockSize);
    DType prec = precision != null ? precision : scale.dtype();
    Tensor out = ctx.allocate(to, x.shape());
    int n = x.size();
    boolean small = Float8.supports(to);
    if (!small && !QuantTypes.isQuantInteger(to)) {
      throw new IllegalArgumentException("QuantizeLinear cannot produce " + to);
    }
    if (x.dtype() == DType.FLOAT && prec == DType.FLOAT && (to == DType.INT8 || to == DType.UINT8)) {
      quantizeFloatToByte(x.floats(), scale, zp, layout, out.bytes(), to == DType.UINT8);
      return new Tensor[] {out};
    }
    for (int i = 0; i < n; i++) {
      int s = layout.scaleIndex(i);
      double q = QuantTypes.roundTo(prec, x.getDouble(i) / scale.getDouble(s));
      if (small) {
        double z = zp == null ? 0 : zp.getDouble(s);
        out.bytes()[i] = Float8.fromDouble(to, q + z, saturate);
      } else {
        long z = zp == null ? 0 : zp.getLong(s);
        QuantTypes.setInteger(out, i, QuantTypes.quantizeInteger(q, z, to));
      }
    }
    return new Tensor[] {out};
  }

  /**
   * The common f32 to 8-bit case, a run of elements sharing a scale at a time on {@link
   * QuantMaths} (SIMD when enabled): {@code clamp(rint(x / scale) + z, lo, hi)}, NaN to z, ±Inf
   * saturating.
   */
  private static void quantizeFloatToByte(float[] x, Tensor scale, Tensor zp, QuantLayout layout,
      byte[] out, boolean unsigned) {
    float[] sc = scale.toFloatArray();
    int lo = unsigned ? 0 : Byte.MIN_VALUE;
    int hi = unsigned ? 255 : Byte.MAX_VALUE;
    QuantMath math = QuantMaths.get();
    int run = Math.max(1, layout.run(x.length));
    for (int i = 0; i < x.length; i += run) {
      int s = layout.scaleIndex(i);
      int z = zp == null ? 0 : (int) zp.getLong(s);
      math.quantize(x, i, Math.min(run, x.length - i), sc[s], z, lo, hi, out, i);
    }
  }
}
