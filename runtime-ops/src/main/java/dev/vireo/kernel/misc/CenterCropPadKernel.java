package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Axes;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * CenterCropPad: resizes the given axes (all by default) to the lengths in input 1, centered:
 * a smaller length crops from offset floor((dim − len)/2), a larger one pads with zeros (false,
 * empty strings) before offset floor((len − dim)/2). Any element type.
 */
public final class CenterCropPadKernel implements Kernel {
  private final long[] axes;

  CenterCropPadKernel(Node n) {
    axes = n.attrInts("axes", null);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    int r = s.rank();
    long[] lengths = inputs[1].toLongArray();
    int[] ax;
    if (axes == null) {
      ax = new int[r];
      for (int i = 0; i < r; i++) {
        ax[i] = i;
      }
    } else {
      ax = Axes.normalize(axes, r, "CenterCropPad axes");
    }
    if (lengths.length != ax.length) {
      throw new IllegalArgumentException("CenterCropPad: shape " + inputs[1].describe() + " must have one length per axis ("
          + ax.length + ") of " + x.describe());
    }
    int[] od = s.dims();
    int[] srcStart = new int[r];
    int[] dstStart = new int[r];
    int[] copy = s.dims();
    for (int i = 0; i < ax.length; i++) {
      int a = ax[i];
      int dim = s.dim(a);
      int len = (int) lengths[i];
      if (len < 0) {
        throw new IllegalArgumentException("CenterCropPad: length " + len + " for axis " + a + " is negative");
      }
      od[a] = len;
      copy[a] = Math.min(dim, len);
      srcStart[a] = dim > len ? (dim - len) / 2 : 0;
      dstStart[a] = len > dim ? (len - dim) / 2 : 0;
    }
    Shape os = Shape.of(od);
    Tensor out = ctx.allocate(x.dtype(), os);
    if (x.dtype() == DType.STRING) {
      Arrays.fill(out.strings(), "");
    }
    int n = Shape.of(copy).size();
    if (n == 0) {
      return new Tensor[] {out};
    }
    int[] ss = s.strides();
    int[] os2 = os.strides();
    int[] idx = new int[r];
    for (int k = 0; k < n; k++) {
      int from = 0;
      int to = 0;
      for (int d = 0; d < r; d++) {
        from += (idx[d] + srcStart[d]) * ss[d];
        to += (idx[d] + dstStart[d]) * os2[d];
      }
      System.arraycopy(x.data(), from, out.data(), to, 1);
      for (int d = r - 1; d >= 0; d--) {
        if (++idx[d] < copy[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return new Tensor[] {out};
  }
}
