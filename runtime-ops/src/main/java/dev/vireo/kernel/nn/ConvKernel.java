package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Im2col;
import dev.vireo.linalg.Sgemm;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Conv over 1 to 3 spatial dims: X [N,C,...] * W [M,C/group,k...] (+ B [M]), with strides, pads,
 * dilations, auto_pad and groups; f32 (f16/bf16 via f32).
 *
 * <p>Each (image, group) is unfolded with {@link Im2col} and multiplied as [M/g, C/g·kSize] x
 * [C/g·kSize, outSize]; a 1x1 kernel with stride 1 and no padding multiplies the image directly.
 * With one group the product is split over output channels; with several, over (image, group)
 * pairs.
 */
public final class ConvKernel implements Kernel {
  private static final int GRAIN = 1 << 15;

  private final Node node;
  private final long group;
  /** Resolved at plan time when kernel_shape is given; otherwise per run from W. */
  private final WindowAttributes fixed;

  public ConvKernel(Node n) {
    node = n;
    group = n.attrInt("group", 1);
    if (group < 1) {
      throw new IllegalArgumentException("Conv: group must be >= 1, got " + group);
    }
    long[] ks = Spatial.kernelShape(n);
    fixed = ks == null ? null : WindowAttributes.read(n, ks);
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor w0 = inputs[1];
    Tensor b0 = inputs.length > 2 ? inputs[2] : null;
    if (x0.rank() < 3 || w0.rank() != x0.rank()) {
      throw new IllegalArgumentException("Conv needs X [N,C,spatial...] and W [M,C/group,k...] of the same "
          + "rank: X " + x0.describe() + ", W " + w0.describe());
    }
    int[] wd = w0.shape().dims();
    WindowAttributes win = fixed != null ? fixed
        : WindowAttributes.read(node, Arrays.stream(wd, 2, wd.length).asLongStream().toArray());
    int g = (int) group;
    int n = x0.shape().dim(0);
    int c = x0.shape().dim(1);
    int m = wd[0];
    if (c % g != 0 || m % g != 0 || wd[1] != c / g) {
      throw new IllegalArgumentException("Conv: X " + x0.describe() + " and W " + w0.describe()
          + " do not fit group " + g + " (need C = W[1]·group and M divisible by group)");
    }
    for (int i = 2; i < wd.length; i++) {
      if (wd[i] != win.kernel()[i - 2]) {
        throw new IllegalArgumentException("Conv: W " + w0.describe() + " differs from kernel_shape "
            + Arrays.toString(win.kernel()));
      }
    }
    if (b0 != null && (b0.rank() != 1 || b0.size() != m)) {
      throw new IllegalArgumentException("Conv: B must be [" + m + "], got " + b0.describe());
    }
    Spatial sp = Spatial.of(win, x0.shape(), m);
    Tensor y = ctx.allocate(DType.FLOAT, Shape.of(sp.outDims()));
    if (y.size() > 0) {
      compute(HalfFloats.widen(x0).floats(), HalfFloats.widen(w0).floats(),
          b0 == null ? null : HalfFloats.widen(b0).floats(), y.floats(), n, c, m, g, sp, ctx);
    }
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype())};
  }

  private static void compute(float[] x, float[] w, float[] bias, float[] y, int n, int c, int m,
      int g, Spatial sp, ExecContext ctx) {
    int cg = c / g;
    int mg = m / g;
    int inSize = sp.inSize();
    int outSize = sp.outSize();
    int kg = cg * sp.kSize();
    boolean direct = sp.kSize() == 1 && Arrays.equals(sp.s(), new int[] {1, 1, 1})
        && Arrays.equals(sp.pad(), new int[3]) && inSize == outSize;
    if (g == 1) {
      float[] col = direct ? null : new float[kg * outSize];
      for (int img = 0; img < n; img++) {
        int xOff = img * c * inSize;
        float[] src;
        int srcOff;
        if (direct) {
          src = x;
          srcOff = xOff;
        } else {
          ctx.parallelFor(c, Math.max(1, GRAIN / Math.max(1, sp.kSize() * outSize)), (from, to) ->
              Im2col.unfold(x, xOff, from, to, sp.in(), sp.k(), sp.s(), sp.pad(), sp.dil(), sp.out(), col));
          src = col;
          srcOff = 0;
        }
        int yOff = img * m * outSize;
        ctx.parallelFor(m, Math.max(1, GRAIN / Math.max(1, kg * outSize)), (from, to) ->
            Sgemm.sgemm(false, false, to - from, outSize, kg, 1f, w, from * kg, kg, src, srcOff,
                outSize, 0f, y, yOff + from * outSize, outSize));
      }
    } else {
      ctx.parallelFor(n * g, Math.max(1, GRAIN / Math.max(1, mg * kg * outSize)), (from, to) -> {
        float[] col = direct ? null : new float[kg * outSize];
        for (int q = from; q < to; q++) {
          int img = q / g;
          int grp = q % g;
          int xOff = (img * c + grp * cg) * inSize;
          float[] src = x;
          int srcOff = xOff;
          if (!direct) {
            Im2col.unfold(x, xOff, 0, cg, sp.in(), sp.k(), sp.s(), sp.pad(), sp.dil(), sp.out(), col);
            src = col;
            srcOff = 0;
          }
          Sgemm.sgemm(false, false, mg, outSize, kg, 1f, w, grp * mg * kg, kg, src, srcOff, outSize,
              0f, y, (img * m + grp * mg) * outSize, outSize);
        }
      });
    }
    if (bias != null) {
      for (int img = 0; img < n; img++) {
        for (int ch = 0; ch < m; ch++) {
          int off = (img * m + ch) * outSize;
          float bv = bias[ch];
          for (int i = 0; i < outSize; i++) {
            y[off + i] += bv;
          }
        }
      }
    }
  }
}
