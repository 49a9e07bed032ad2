package dev.vireo.kernel.convt;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * LpPool over 1 to 3 spatial dims: each output is {@code (Σ |x|^p)^(1/p)} over its window
 * (padding contributes nothing), with kernel_shape, strides, pads, auto_pad and, from opset 18,
 * dilations and ceil_mode (see {@link WindowAttributes}). {@code p} defaults to 2 (a float
 * attribute in opset 1, an int from 2). f32 (f16/bf16 via f32).
 */
public final class LpPoolKernel implements Kernel {
  private final WindowAttributes win;
  private final double p;

  LpPoolKernel(Node n) {
    long[] k = n.attrInts("kernel_shape", null);
    if (k == null) {
      throw new IllegalArgumentException("LpPool: kernel_shape is required");
    }
    win = WindowAttributes.read(n, k);
    p = n.attrFloat("p", 2f);
    if (!(p > 0)) {
      throw new IllegalArgumentException("LpPool: p must be positive, got " + p);
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    int r = win.rank();
    if (x0.rank() != r + 2) {
      throw new IllegalArgumentException("LpPool: input " + x0.describe() + " must be [N,C] plus the "
          + r + " spatial dims of kernel_shape " + Arrays.toString(win.kernel()));
    }
    int[] xd = x0.shape().dims();
    WindowAttributes.Geometry g = win.resolve(Arrays.copyOfRange(xd, 2, xd.length));
    int[] outDims = new int[r + 2];
    outDims[0] = xd[0];
    outDims[1] = xd[1];
    System.arraycopy(g.out(), 0, outDims, 2, r);
    Tensor out = ctx.allocate(DType.FLOAT, Shape.of(outDims));
    int[] in3 = pad3(g.in(), 1);
    int[] out3 = pad3(g.out(), 1);
    int[] k3 = pad3(toInt(win.kernel()), 1);
    int[] s3 = pad3(toInt(win.strides()), 1);
    int[] d3 = pad3(toInt(win.dilations()), 1);
    int[] p3 = pad3(g.padBegin(), 0);
    int inSize = in3[0] * in3[1] * in3[2];
    int outSize = out3[0] * out3[1] * out3[2];
    float[] x = HalfFloats.widen(x0).floats();
    float[] y = out.floats();
    boolean square = p == 2;
    double inv = 1 / p;
    int planes = xd[0] * xd[1];
    ctx.parallelFor(out.size() == 0 ? 0 : planes, 1, (from, to) -> {
      for (int pl = from; pl < to; pl++) {
        int xo = pl * inSize;
        int yo = pl * outSize;
        for (int o0 = 0; o0 < out3[0]; o0++) {
          for (int o1 = 0; o1 < out3[1]; o1++) {
            for (int o2 = 0; o2 < out3[2]; o2++) {
              double sum = 0;
              for (int k0 = 0; k0 < k3[0]; k0++) {
                int i0 = o0 * s3[0] + k0 * d3[0] - p3[0];
                if (i0 < 0 || i0 >= in3[0]) {
                  continue;
                }
                for (int k1 = 0; k1 < k3[1]; k1++) {
                  int i1 = o1 * s3[1] + k1 * d3[1] - p3[1];
                  if (i1 < 0 || i1 >= in3[1]) {
                    continue;
                  }
                  int row = xo + (i0 * in3[1] + i1) * in3[2];
                  for (int k2 = 0; k2 < k3[2]; k2++) {
                    int i2 = o2 * s3[2] + k2 * d3[2] - p3[2];
                    if (i2 >= 0 && i2 < in3[2]) {
                      double v = Math.abs(x[row + i2]);
                      sum += square ? v * v : Math.pow(v, p);
                    }
                  }
                }
              }
              y[yo + (o0 * out3[1] + o1) * out3[2] + o2] = (float) (square ? Math.sqrt(sum) : Math.pow(sum, inv));
            }
          }
        }
      }
    });
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }

  static int[] toInt(long[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.toIntExact(v[i]);
    }
    return r;
  }

  private static int[] pad3(int[] v, int fill) {
    if (v.length > 3) {
      throw new IllegalArgumentException("LpPool supports 1 to 3 spatial dims, got " + v.length);
    }
    int[] r = {fill, fill, fill};
    System.arraycopy(v, 0, r, 3 - v.length, v.length);
    return r;
  }
}
