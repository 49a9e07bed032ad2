package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.QuantMath;
import dev.vireo.linalg.QuantMaths;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * QLinearConv: the int32 convolution {@code (x - x_zp) * (w - w_zp)} (see {@link IntConv}) plus
 * the optional int32 bias B, requantized as {@code saturate(round(acc * x_scale * w_scale /
 * y_scale) + y_zp)} (half to even) into y_zp's type. w's scale and zero point are scalars or one
 * per output channel; the multiplier is formed in float32. An 8-bit output is requantized a
 * channel's run at a time on {@link QuantMaths}.
 */
public final class QLinearConvKernel implements Kernel {
  private final Node node;

  public QLinearConvKernel(Node n) {
    node = n;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor xScale = in[1];
    Tensor w = in[3];
    Tensor wScale = in[4];
    Tensor yScale = in[6];
    Tensor yZp = in[7];
    Tensor bias = in.length > 8 ? in[8] : null;
    Tensor acc = IntConv.convolve("QLinearConv", node, in[0], in[2], w, in[5], ctx);
    int m = acc.shape().dim(1);
    int outSize = acc.size() / Math.max(1, acc.shape().dim(0) * m);
    if (wScale.size() != 1 && wScale.size() != m) {
      throw new IllegalArgumentException("QLinearConv: w_scale must be a scalar or have " + m
          + " elements, got " + wScale.describe());
    }
    if (bias != null && bias.size() != m) {
      throw new IllegalArgumentException("QLinearConv: B must have " + m + " elements, got "
          + bias.describe());
    }
    DType to = yZp.dtype();
    Tensor out = ctx.allocate(to, acc.shape());
    int[] c = acc.ints();
    float xs = (float) xScale.getDouble(0);
    float ys = (float) yScale.getDouble(0);
    long z = yZp.getLong(0);
    if (to == DType.INT8 || to == DType.UINT8) {
      QuantMath math = QuantMaths.get();
      int lo = (int) QuantTypes.lowest(to);
      int hi = (int) QuantTypes.highest(to);
      for (int start = 0; outSize > 0 && start < c.length; start += outSize) {
        int ch = (start / outSize) % m;
        float multiplier = xs * (float) wScale.getDouble(wScale.size() == 1 ? 0 : ch) / ys;
        if (bias != null) {
          int bv = (int) bias.getLong(ch);
          for (int i = start; i < start + outSize; i++) {
            c[i] += bv;
          }
        }
        math.requantize(c, start, outSize, multiplier, (int) z, lo, hi);
      }
      math.narrow(c, 0, c.length, out.bytes(), 0);
      return new Tensor[] {out};
    }
    for (int i = 0; i < c.length; i++) {
      int ch = (i / outSize) % m;
      float multiplier = xs * (float) wScale.getDouble(wScale.size() == 1 ? 0 : ch) / ys;
      int v = c[i] + (bias == null ? 0 : (int) bias.getLong(ch));
      QuantTypes.setInteger(out, i, QuantTypes.quantizeInteger((double) v * multiplier, z, to));
    }
    return new Tensor[] {out};
  }
}
