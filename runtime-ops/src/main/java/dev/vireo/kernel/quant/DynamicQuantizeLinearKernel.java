package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * DynamicQuantizeLinear: quantizes float x to uint8 over the range {@code [min(0, min x), max(0,
 * max x)]}: {@code y_scale = (max - min) / 255}, {@code y_zero_point = saturate(round(-min /
 * y_scale))}, {@code y = saturate(round(x / y_scale) + y_zero_point)}, all in float32 with
 * rounding half to even. An all-zero x gives scale 0, zero point 0 and y 0.
 */
public final class DynamicQuantizeLinearKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    int n = x.size();
    float[] xs = x.floats();
    DynamicQuantization.Params p = DynamicQuantization.of(xs, n);
    float scale = p.scale();
    int zp = p.zeroPoint();
    Tensor y = ctx.allocateUninitialized(DType.UINT8, x.shape());
    DynamicQuantization.quantize(xs, n, p, y.bytes());
    Tensor s = ctx.allocate(DType.FLOAT, Shape.SCALAR);
    s.floats()[0] = scale;
    Tensor z = ctx.allocate(DType.UINT8, Shape.SCALAR);
    z.bytes()[0] = (byte) zp;
    return new Tensor[] {y, s, z};
  }
}
