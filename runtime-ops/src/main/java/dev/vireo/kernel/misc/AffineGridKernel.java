package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * AffineGrid: theta [N, 2, 3] and size [N, C, H, W] give the sampling grid [N, H, W, 2] (x, y);
 * theta [N, 3, 4] and size [N, C, D, H, W] give [N, D, H, W, 3] (x, y, z). Base coordinates span
 * [−1, 1]: pixel centers {@code (2i + 1)/n − 1}, or with align_corners the corners {@code −1 +
 * 2i/(n − 1)}. Computed in double, written in theta's type.
 */
public final class AffineGridKernel implements Kernel {
  private final boolean alignCorners;

  AffineGridKernel(Node n) {
    alignCorners = n.attrInt("align_corners", 0) != 0;
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor theta = inputs[0];
    long[] size = inputs[1].toLongArray();
    int sd = size.length - 2;
    if ((sd != 2 && sd != 3) || theta.rank() != 3 || theta.shape().dim(0) != size[0]
        || theta.shape().dim(1) != sd || theta.shape().dim(2) != sd + 1) {
      throw new IllegalArgumentException("AffineGrid: need theta [N, 2, 3] with size [N, C, H, W] or theta [N, 3, 4]"
          + " with size [N, C, D, H, W], got " + theta.describe() + " and size " + Arrays.toString(size));
    }
    int n = (int) size[0];
    int depth = sd == 3 ? (int) size[2] : 1;
    int h = (int) size[sd];
    int w = (int) size[sd + 1];
    double[] t = new double[theta.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = theta.getDouble(i);
    }
    double[] out = new double[n * depth * h * w * sd];
    double[] base = new double[4];
    int k = 0;
    for (int b = 0; b < n; b++) {
      for (int z = 0; z < depth; z++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            base[0] = coord(x, w);
            base[1] = coord(y, h);
            base[2] = sd == 3 ? coord(z, depth) : 1;
            base[3] = 1;
            for (int r = 0; r < sd; r++) {
              double v = 0;
              for (int c = 0; c <= sd; c++) {
                v += t[(b * sd + r) * (sd + 1) + c] * base[c];
              }
              out[k++] = v;
            }
          }
        }
      }
    }
    Shape os = sd == 2 ? Shape.of(n, h, w, 2) : Shape.of(n, depth, h, w, 3);
    return new Tensor[] {Floats.tensor(out, theta.dtype(), os, ctx)};
  }

  private double coord(int i, int n) {
    if (alignCorners) {
      return n == 1 ? -1 : -1 + 2.0 * i / (n - 1);
    }
    return (2.0 * i + 1) / n - 1;
  }
}
