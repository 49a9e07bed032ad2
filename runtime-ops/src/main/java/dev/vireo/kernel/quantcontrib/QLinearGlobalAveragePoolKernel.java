package dev.vireo.kernel.quantcontrib;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QLinearGlobalAveragePool: inputs X, x_scale, x_zero_point, y_scale,
 * y_zero_point; attribute channels_last (0: X is [N, C, spatial...], output [N, C, 1...];
 * 1: X is [N, spatial..., C], output [N, 1..., C]). As onnxruntime: the exact int32 sum of
 * {@code x - x_zp} over the image times {@code x_scale / (y_scale·size)} (float32), rounded half
 * to even, plus y_zp, saturated.
 */
public final class QLinearGlobalAveragePoolKernel implements Kernel {
  private static final String OP = "QLinearGlobalAveragePool";
  private final boolean channelsLast;

  public QLinearGlobalAveragePoolKernel(Node node) {
    this.channelsLast = node.attrInt("channels_last", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    DType t = x.dtype();
    if (x.rank() < 3) {
      throw new IllegalArgumentException(OP + " needs X of rank >= 3, got " + x.describe());
    }
    float xs = QParams.scale(OP, "x_scale", in[1]);
    int xz = QParams.zeroPoint(OP, "x_zero_point", in[2], t);
    float ys = QParams.scale(OP, "y_scale", in[3]);
    int yz = QParams.zeroPoint(OP, "y_zero_point", in.length > 4 ? in[4] : null, t);
    int[] d = x.shape().dims();
    int n = d[0];
    int c = channelsLast ? d[d.length - 1] : d[1];
    int size = x.size() / Math.max(1, n * c);
    int[] od = new int[d.length];
    java.util.Arrays.fill(od, 1);
    od[0] = n;
    od[channelsLast ? d.length - 1 : 1] = c;
    Tensor y = ctx.allocateUninitialized(t, Shape.of(od));
    byte[] src = x.bytes();
    byte[] dst = y.bytes();
    boolean u = t == DType.UINT8;
    float scale = xs / (ys * size);
    int lo = QParams.lowest(t);
    int hi = QParams.highest(t);
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        int sum = -xz * size;
        for (int s = 0; s < size; s++) {
          int i = channelsLast ? (b * size + s) * c + ch : (b * c + ch) * size + s;
          sum += QParams.get(src, i, u);
        }
        dst[b * c + ch] = QParams.quantize(sum * scale, yz, lo, hi);
      }
    }
    return new Tensor[] {y};
  }
}
