package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * DequantizeLinear: {@code y = (x - x_zero_point) * x_scale}, in the scale's precision, output
 * in the scale's type or {@code output_dtype} (opset 23). x may be any quantized integer type,
 * int32 (zero point 0) or a float8/float4 type (decoded exactly). Scales are per-tensor,
 * per-axis (opset 13) or blocked (opset 21), see {@link QuantLayout}.
 */
public final class DequantizeLinearKernel implements Kernel {
  private final long axis;
  private final long blockSize;
  private final DType outputDtype;

  public DequantizeLinearKernel(Node n) {
    axis = n.attrInt("axis", 1);
    blockSize = n.attrInt("block_size", 0);
    long od = n.attrInt("output_dtype", 0);
    outputDtype = od == 0 ? null : DType.fromOnnx((int) od);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Tensor scale = inputs[1];
    Tensor zp = inputs.length > 2 ? inputs[2] : null;
    if (zp != null && zp.dtype() != x.dtype()) {
      throw new IllegalArgumentException("DequantizeLinear: zero point " + zp.describe()
          + " and input " + x.describe() + " differ in type");
    }
    if (zp != null && zp.size() != scale.size()) {
      throw new IllegalArgumentException("DequantizeLinear: zero point " + zp.describe()
          + " and scale " + scale.describe() + " differ in size");
    }
    DType to = outputDtype != null ? outputDtype : scale.dtype();
    if (!to.isFloatingPoint()) {
      throw new IllegalArgumentException("DequantizeLinear: output type must be a float type, got " + to);
    }
    QuantLayout layout = QuantLayout.of("DequantizeLinear", x.shape(), scale.shape(), axis, blockSize);
    DType prec = scale.dtype();
    Tensor out = ctx.allocate(to, x.shape());
    int n = x.size();
    if (to == DType.FLOAT && prec == DType.FLOAT && (x.dtype() == DType.INT8 || x.dtype() == DType.UINT8)) {
      dequantizeByteToFloat(x, scale.floats(), zp, layout, out.floats());
      return new Tensor[] {out};
    }
    for (int i = 0; i < n; i++) {
      int s = layout.scaleIndex(i);
      double centered = QuantTypes.roundTo(prec, x.getDouble(i) - (zp == null ? 0 : zp.getDouble(s)));
      QuantTypes.setFloat(out, i, QuantTypes.roundTo(prec, centered * scale.getDouble(s)));
    }
    return new Tensor[] {out};
  }

  /**
   * The common 8-bit to f32 case, a run of elements sharing a scale at a time on {@link
   * QuantMaths}: exact centering, one float32 product.
   */
  private static void dequantizeByteToFloat(Tensor x, float[] scale, Tensor zp, QuantLayout layout,
      float[] out) {
    byte[] xb = x.bytes();
    boolean unsigned = x.dtype() == DType.UINT8;
    QuantMath math = QuantMaths.get();
    int run = Math.max(1, layout.run(xb.length));
    for (int i = 0; i < xb.length; i += run) {
      int s = layout.scaleIndex(i);
      int z = zp == null ? 0 : (int) zp.getLong(s);
      math.dequantize(xb, i, Math.min(run, xb.length - i), unsigned, z, scale[s], out, i);
    }
  }
}
