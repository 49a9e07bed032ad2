package dev.vireo.kernel.convt;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Sgemm;
import dev.vireo.op.convt.ConvTransposeAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * ConvTranspose over 1 to 3 spatial dims: X [N, C, in...], W [C, M/group, k...], optional B [M]
 * give Y [N, M, out...] with {@code Y[n, g·Mg+m, i·s + k·d - padBegin] += X[n, g·Cg+c, i] ·
 * W[g·Cg+c, m, k]}; output size and pads follow {@link ConvTransposeAttributes}. f32 (f16/bf16
 * via f32).
 *
 * <p>Per (image, output channel) the columns {@code W_g[:, m]ᵀ · X_g} ([K, in]) are computed with
 * one GEMM and scattered into the output channel (col2im); output channels are split over the
 * pool, each writing only its own channel.
 */
public final class ConvTransposeKernel implements Kernel {
  private static final int MAX_RANK = 3;

  private final ConvTransposeAttributes attrs;
  private final long[] strides;
  private final long[] dilations;

  ConvTransposeKernel(Node n) {
    attrs = ConvTransposeAttributes.read(n);
    strides = attrs.strides();
    dilations = attrs.dilations();
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor w0 = inputs[1];
    Tensor b0 = inputs.length > 2 ? inputs[2] : null;
    int r = x0.rank() - 2;
    if (r < 1 || r > MAX_RANK || w0.rank() != x0.rank()) {
      throw new IllegalArgumentException("ConvTranspose needs X [N,C,spatial...] with 1 to 3 spatial dims and W "
          + "[C,M/group,k...] of the same rank: X " + x0.describe() + ", W " + w0.describe());
    }
    int[] xd = x0.shape().dims();
    int[] wd = w0.shape().dims();
    int g = (int) attrs.group();
    int n = xd[0];
    int c = xd[1];
    if (wd[0] != c || c % g != 0) {
      throw new IllegalArgumentException("ConvTranspose: W " + w0.describe() + " must have X's " + c
          + " channels first, divisible by group " + g + " (X " + x0.describe() + ")");
    }
    int cg = c / g;
    int mg = wd[1];
    int m = mg * g;
    if (b0 != null && (b0.rank() != 1 || b0.size() != m)) {
      throw new IllegalArgumentException("ConvTranspose: B " + b0.describe() + " must be [" + m + "]");
    }
    long[] in = new long[r];
    long[] wk = new long[r];
    for (int i = 0; i < r; i++) {
      in[i] = xd[i + 2];
      wk[i] = wd[i + 2];
    }
    ConvTransposeAttributes.Geometry geo = attrs.resolve(in, wk);
    int[] outDims = new int[r + 2];
    outDims[0] = n;
    outDims[1] = m;
    System.arraycopy(geo.out(), 0, outDims, 2, r);
    Tensor out = ctx.allocate(DType.FLOAT, Shape.of(outDims));
    // the loops see three spatial dims; missing leading ones have size 1
    int[] i3 = pad3(xd, 2, 1);
    int[] k3 = pad3(wd, 2, 1);
    int[] o3 = pad3(outDims, 2, 1);
    int[] s3 = pad3(strides == null ? null : toInt(strides), 0, 1);
    int[] d3 = pad3(dilations == null ? null : toInt(dilations), 0, 1);
    int[] p3 = pad3(geo.padBegin(), 0, 0);
    int inSize = i3[0] * i3[1] * i3[2];
    int kSize = k3[0] * k3[1] * k3[2];
    int outSize = o3[0] * o3[1] * o3[2];
    float[] x = HalfFloats.widen(x0).floats();
    float[] w = HalfFloats.widen(w0).floats();
    float[] b = b0 == null ? null : HalfFloats.widen(b0).floats();
    float[] y = out.floats();
    if (out.size() > 0) {
      ctx.parallelFor(n * m, 1, (from, to) -> {
        float[] col = new float[kSize * inSize];
        for (int q = from; q < to; q++) {
          int img = q / m;
          int oc = q % m;
          int grp = oc / mg;
          int mm = oc % mg;
          int yOff = q * outSize;
          if (b != null) {
            Arrays.fill(y, yOff, yOff + outSize, b[oc]);
          }
          if (cg == 0 || inSize == 0) {
            continue;
          }
          // col[k, i] = Σc W[grp·Cg + c, mm, k] · X[img, grp·Cg + c, i]
          Sgemm.sgemm(true, false, kSize, inSize, cg, 1f, w, (grp * cg * mg + mm) * kSize, mg * kSize,
              x, (img * c + grp * cg) * inSize, inSize, 0f, col, 0, inSize);
          scatter(col, y, yOff, i3, k3, o3, s3, d3, p3);
        }
      });
    }
    return new Tensor[] {HalfFloats.narrow(ctx, out, x0.dtype())};
  }

  /** col2im: adds col[k, i] into y at {@code i·s + k·d - pad} per dim, dropping what falls outside. */
  private static void scatter(float[] col, float[] y, int yOff, int[] in, int[] k, int[] out, int[] s,
      int[] d, int[] p) {
    int inSize = in[0] * in[1] * in[2];
    int kq = 0;
    for (int k0 = 0; k0 < k[0]; k0++) {
      for (int k1 = 0; k1 < k[1]; k1++) {
        for (int k2 = 0; k2 < k[2]; k2++, kq++) {
          int cOff = kq * inSize;
          for (int i0 = 0; i0 < in[0]; i0++) {
            int o0 = i0 * s[0] + k0 * d[0] - p[0];
            if (o0 < 0 || o0 >= out[0]) {
              continue;
            }
            for (int i1 = 0; i1 < in[1]; i1++) {
              int o1 = i1 * s[1] + k1 * d[1] - p[1];
              if (o1 < 0 || o1 >= out[1]) {
                continue;
              }
              int row = yOff + (o0 * out[1] + o1) * out[2];
              int ci = cOff + (i0 * in[1] + i1) * in[2];
              int base = k2 * d[2] - p[2];
              for (int i2 = 0; i2 < in[2]; i2++) {
                int o2 = i2 * s[2] + base;
                if (o2 >= 0 && o2 < out[2]) {
                  y[row + o2] += col[ci + i2];
                }
              }
            }
          }
        }
      }
    }
  }

  private static int[] toInt(long[] v) {
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.toIntExact(v[i]);
    }
    return r;
  }

  /** The values of v from index from on, right-aligned in three slots filled with fill. */
  private static int[] pad3(int[] v, int from, int fill) {
    int[] r = {fill, fill, fill};
    if (v != null) {
      int len = v.length - from;
      System.arraycopy(v, from, r, MAX_RANK - len, len);
    }
    return r;
  }
}
