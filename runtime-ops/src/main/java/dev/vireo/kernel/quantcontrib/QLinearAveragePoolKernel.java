package dev.vireo.kernel.quantcontrib;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.kernel.nn.PoolKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QLinearAveragePool: inputs X, x_scale, x_zero_point, y_scale, y_zero_point and
 * AveragePool's attributes (channels_last=0 only). As onnxruntime computes it: each element
 * dequantized to float ({@code x_scale·(x - x_zp)}), the float average pool, then {@code
 * saturate(round_half_even(avg / y_scale) + y_zp)}.
 */
public final class QLinearAveragePoolKernel implements Kernel {
  private static final String OP = "QLinearAveragePool";
  private final PoolKernel average;

  public QLinearAveragePoolKernel(Node node) {
    if (node.attrInt("channels_last", 0) != 0) {
      throw new IllegalArgumentException(OP + ": channels_last=1 is not supported (X must be [N, C, spatial...])");
    }
    this.average = new PoolKernel(node, false);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    DType t = x.dtype();
    float xs = QParams.scale(OP, "x_scale", in[1]);
    int xz = QParams.zeroPoint(OP, "x_zero_point", in[2], t);
    float ys = QParams.scale(OP, "y_scale", in[3]);
    int yz = QParams.zeroPoint(OP, "y_zero_point", in.length > 4 ? in[4] : null, t);
    byte[] src = x.bytes();
    boolean u = t == DType.UINT8;
    Tensor xf = ctx.allocateUninitialized(DType.FLOAT, x.shape());
    float[] f = xf.floats();
    for (int i = 0; i < f.length; i++) {
      f[i] = xs * (QParams.get(src, i, u) - xz);
    }
    Tensor avg = average.run(new Tensor[] {xf}, ctx)[0];
    ctx.release(xf);
    Tensor y = ctx.allocateUninitialized(t, avg.shape());
    float[] a = avg.floats();
    byte[] dst = y.bytes();
    int lo = QParams.lowest(t);
    int hi = QParams.highest(t);
    for (int i = 0; i < a.length; i++) {
      dst[i] = QParams.quantize(a[i] / ys, yz, lo, hi);
    }
    ctx.release(avg);
    return new Tensor[] {y};
  }
}
