package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.linalg.Im2col;
import dev.vireo.linalg.Int8Gemms;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * The exact int32 convolution {@code (X - x_zero_point) * (W - w_zero_point)} of 8-bit integer
 * tensors, X [N,C,spatial...] and W [M,C/group,k...] with 1 to 3 spatial dims, with Conv's
 * strides, pads, dilations, auto_pad and groups; padded positions contribute 0 (the zero
 * point). x's zero point is a scalar, w's a scalar or one per output channel.
 *
 * <p>The centered image (values within ±255) is unfolded with {@link Im2col} as floats, which
 * hold those integers exactly, turned back into X's bytes (padding becomes the zero point),
 * packed as the B of the int8 GEMM ({@link QuantGemm#multiply}) with X's zero point as B's, and
 * multiplied by the centered weights as A: exact int32 products.
 */
final class IntConv {
  private static final int MAX_SPATIAL = 3;

  private IntConv() {}

  static Tensor convolve(String op, Node node, Tensor x, Tensor xZp, Tensor w, Tensor wZp,
      ExecContext ctx) {
    if (x.rank() < 3 || x.rank() > MAX_SPATIAL + 2 || w.rank() != x.rank()) {
      throw new IllegalArgumentException(op + " needs X [N,C,spatial...] (1 to 3 spatial dims) and "
          + "W [M,C/group,k...] of the same rank: X " + x.describe() + ", W " + w.describe());
    }
    int g = (int) node.attrInt("group", 1);
    int[] xd = x.shape().dims();
    int[] wd = w.shape().dims();
    int n = xd[0];
    int c = xd[1];
    int m = wd[0];
    if (g < 1 || c % g != 0 || m % g != 0 || wd[1] != c / g) {
      throw new IllegalArgumentException(op + ": X " + x.describe() + " and W " + w.describe()
          + " do not fit group " + g + " (need C = W[1]·group and M divisible by group)");
    }
    long[] kernel = node.attrInts("kernel_shape", null);
    if (kernel == null) {
      kernel = Arrays.stream(wd, 2, wd.length).asLongStream().toArray();
    }
    WindowAttributes win = WindowAttributes.read(node, kernel);
    WindowAttributes.Geometry geo = win.resolve(Arrays.copyOfRange(xd, 2, xd.length));
    int[] in = pad(geo.in(), 1);
    int[] k = pad(toInt(win.kernel()), 1);
    int[] s = pad(toInt(win.strides()), 1);
    int[] dil = pad(toInt(win.dilations()), 1);
    int[] padBegin = pad(geo.padBegin(), 0);
    int[] out = pad(geo.out(), 1);
    int[] outDims = new int[xd.length];
    outDims[0] = n;
    outDims[1] = m;
    System.arraycopy(geo.out(), 0, outDims, 2, geo.out().length);
    Tensor y = ctx.allocate(DType.INT32, Shape.of(outDims));
    int[] yv = y.ints();
    if (y.size() == 0) {
      return y;
    }
    if (xZp != null && xZp.size() != 1) {
      throw new IllegalArgumentException(op + ": x's zero point must be a scalar, got " + xZp.describe());
    }
    if (wZp != null && wZp.size() != 1 && wZp.size() != m) {
      throw new IllegalArgumentException(op + ": w's zero point must be a scalar or have " + m
          + " elements, got " + wZp.describe());
    }
    float[] xc = new float[x.size()];
    long xz = xZp == null ? 0 : xZp.getLong(0);
    for (int i = 0; i < xc.length; i++) {
      xc[i] = x.getLong(i) - xz;
    }
    int cg = c / g;
    int mg = m / g;
    int inSize = in[0] * in[1] * in[2];
    int outSize = out[0] * out[1] * out[2];
    int kg = cg * k[0] * k[1] * k[2];
    int[] wc = new int[w.size()];
    for (int i = 0; i < wc.length; i++) {
      long z = wZp == null ? 0 : wZp.getLong(wZp.size() == 1 ? 0 : i / kg);
      wc[i] = (int) (w.getLong(i) - z);
    }
    float[] col = new float[kg * outSize];
    byte[] colBytes = new byte[kg * outSize];
    boolean unsigned = x.dtype() == DType.UINT8;
    int[] xzp = {(int) xz};
    for (int img = 0; img < n; img++) {
      for (int grp = 0; grp < g; grp++) {
        Im2col.unfold(xc, (img * c + grp * cg) * inSize, 0, cg, in, k, s, padBegin, dil, out, col);
        // back to X's own bytes (padding becomes the zero point), packed as the GEMM's B
        for (int i = 0; i < colBytes.length; i++) {
          colBytes[i] = (byte) ((int) col[i] + xz);
        }
        Int8Panels panels = Int8Gemms.pack(colBytes, 0, kg, outSize, unsigned, xzp);
        int ldc = panels.paddedN();
        int[] prod = QuantGemm.buffer(1, mg * ldc);
        int[] a = Arrays.copyOfRange(wc, grp * mg * kg, (grp + 1) * mg * kg);
        QuantGemm.multiply(a, mg, panels, prod, ldc, ctx);
        for (int oc = 0; oc < mg; oc++) {
          System.arraycopy(prod, oc * ldc, yv, (img * m + grp * mg + oc) * outSize, outSize);
        }
      }
    }
    return y;
  }

  private static int[] toInt(long[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.toIntExact(v[i]);
    }
    return r;
  }

  /** Right-aligns v in MAX_SPATIAL dims, filling the leading ones with {@code fill}. */
  private static int[] pad(int[] v, int fill) {
    int[] r = new int[MAX_SPATIAL];
    Arrays.fill(r, fill);
    System.arraycopy(v, 0, r, MAX_SPATIAL - v.length, v.length);
    return r;
  }
}
