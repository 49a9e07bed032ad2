package dev.vireo.kernel.nn;

import dev.vireo.ir.Node;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.Shape;
import java.util.Arrays;

/**
 * Window geometry of one run in the 3-D form the loops use: spatial ranks 1 and 2 get leading
 * dims of size 1 (kernel 1, stride 1, no padding, dilation 1).
 */
record Spatial(int[] in, int[] k, int[] s, int[] pad, int[] padEnd, int[] dil, int[] out,
    int[] outDims) {

  /** Spatial ranks the loops support. */
  static final int MAX_RANK = 3;

  /**
   * Resolves the window for an input of shape [N, C, spatial...].
   *
   * @throws IllegalArgumentException when the rank is unsupported or the window does not fit
   */
  static Spatial of(WindowAttributes w, Shape x, int outChannels) {
    int r = x.rank() - 2;
    if (r < 1 || r > MAX_RANK) {
      throw new IllegalArgumentException(w.op() + " needs an input of rank 3 to 5 [N,C,spatial...], got "
          + "shape " + x);
    }
    int[] dims = x.dims();
    WindowAttributes.Geometry g = w.resolve(Arrays.copyOfRange(dims, 2, dims.length));
    int[] outDims = new int[r + 2];
    outDims[0] = dims[0];
    outDims[1] = outChannels;
    System.arraycopy(g.out(), 0, outDims, 2, r);
    return new Spatial(pad3(g.in()), pad3(toInt(w.kernel())), pad3(toInt(w.strides())),
        pad0(g.padBegin()), pad0(g.padEnd()), pad3(toInt(w.dilations())), pad3(g.out()), outDims);
  }

  /** The kernel shape from the kernel_shape attribute, or null when absent. */
  static long[] kernelShape(Node n) {
    return n.attrInts("kernel_shape", null);
  }

  int inSize() {
    return in[0] * in[1] * in[2];
  }

  int outSize() {
    return out[0] * out[1] * out[2];
  }

  int kSize() {
    return k[0] * k[1] * k[2];
  }

  private static int[] toInt(long[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.toIntExact(v[i]);
    }
    return r;
  }

  private static int[] pad3(int[] v) {
    int[] r = {1, 1, 1};
    System.arraycopy(v, 0, r, MAX_RANK - v.length, v.length);
    return r;
  }

  private static int[] pad0(int[] v) {
    int[] r = new int[MAX_RANK];
    System.arraycopy(v, 0, r, MAX_RANK - v.length, v.length);
    return r;
  }
}
