package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * QLinearMatMul: the int32 product {@code (a - a_zp) x (b - b_zp)} requantized as {@code
 * saturate(round(acc * a_scale * b_scale / y_scale) + y_zp)} (half to even) into y_zp's type.
 * Scales and zero points of a are scalars or one per row, of b scalars or one per column; the
 * multiplier {@code a_scale * b_scale / y_scale} is formed in float32. The product takes the
 * packed int8 GEMM when it can ({@link QuantGemm#product}), B packed at plan time if constant;
 * with per-tensor scales and an 8-bit output the requantization runs on {@link QuantMaths}.
 */
public final class QLinearMatMulKernel implements Kernel {
  private final Int8Panels packed;

  public QLinearMatMulKernel(Node node) {
    this.packed = QuantGemm.packConstant(node, 3, 5);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    Tensor aScale = in[1];
    Tensor b = in[3];
    Tensor bScale = in[4];
    Tensor yScale = in[6];
    Tensor yZp = in[7];
    Tensor acc = QuantGemm.product("QLinearMatMul", a, in[2], b, in[5], packed, ctx);
    int n = b.rank() == 1 ? 1 : b.shape().dim(b.rank() - 1);
    int m = a.rank() == 1 ? 1 : a.shape().dim(a.rank() - 2);
    DType to = yZp.dtype();
    Tensor out = ctx.allocateUninitialized(to, acc.shape());
    int[] c = acc.ints();
    float ys = (float) yScale.getDouble(0);
    long z = yZp.getLong(0);
    if ((to == DType.INT8 || to == DType.UINT8) && aScale.size() == 1 && bScale.size() == 1) {
      float multiplier = (float) aScale.getDouble(0) * (float) bScale.getDouble(0) / ys;
      QuantMath math = QuantMaths.get();
      math.requantize(c, 0, c.length, multiplier, (int) z, (int) QuantTypes.lowest(to),
          (int) QuantTypes.highest(to));
      math.narrow(c, 0, c.length, out.bytes(), 0);
      return new Tensor[] {out};
    }
    for (int i = 0; i < c.length; i++) {
      float as = (float) aScale.getDouble(aScale.size() == 1 ? 0 : (i / n) % m);
      float bs = (float) bScale.getDouble(bScale.size() == 1 ? 0 : i % n);
      float multiplier = as * bs / ys;
      QuantTypes.setInteger(out, i, QuantTypes.quantizeInteger((double) c[i] * multiplier, z, to));
    }
    return new Tensor[] {out};
  }
}
