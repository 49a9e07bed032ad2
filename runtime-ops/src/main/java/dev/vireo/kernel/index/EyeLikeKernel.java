package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/**
 * EyeLike: a 2-D tensor of the input's shape with ones on diagonal {@code k} (positive above the
 * main one) and zeros elsewhere, of type {@code dtype} (default: the input's type).
 */
public final class EyeLikeKernel implements Kernel {
  private final DType dtype;
  private final long k;

  public EyeLikeKernel(Node n) {
    dtype = n.hasAttr("dtype") ? DType.fromOnnx((int) n.attrInt("dtype", 0)) : null;
    k = n.attrInt("k", 0);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor x = in[0];
    if (x.rank() != 2) {
      throw new IllegalArgumentException("EyeLike needs a 2-D input, got " + x.describe());
    }
    DType t = dtype != null ? dtype : x.dtype();
    Tensor out = ctx.allocate(t, x.shape());
    int rows = x.shape().dim(0);
    int cols = x.shape().dim(1);
    int[] map = new int[out.size()];
    for (int r = 0; r < rows; r++) {
      long c = r + k;
      if (c >= 0 && c < cols) {
        map[r * cols + (int) c] = -1;
      }
    }
    Elements.fillUnmapped(Elements.scalarArray(t, 1), map, out.data());
    return new Tensor[] {out};
  }
}
