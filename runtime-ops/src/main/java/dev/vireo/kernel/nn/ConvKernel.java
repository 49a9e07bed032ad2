package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.IndirectGemm;
import dev.vireo.linalg.IndirectGemms;
import dev.vireo.op.nn.WindowAttributes;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Conv over 1 to 3 spatial dims: X [N,C,...] * W [M,C/group,k...] (+ B [M]), with strides, pads,
 * dilations, auto_pad and groups; f32 (f16/bf16/f64 via f32).
 *
 * <p>The computation follows a {@link ConvStrategy}: a depthwise kernel runs vectorized window
 * rows ({@link DepthwiseConv}); with SIMD every other conv runs on pre-packed filters and an input
 * read in place ({@link PackedConv}); the scalar path computes a 1×1 stride-1 unpadded kernel as a
 * GEMM on the input as it is ({@link PointwiseConv}) and anything else by multiplying cache-sized
 * tiles of the unfolded input ({@link Im2colConv}). Weights and bias given as initializers are
 * converted to f32 once, when the kernel is created, and the f32 weights packed on first use.
 *
 * <p>A fused post-op ({@link BiasActivation}: bias, an optional residual {@code sum} and an
 * activation) runs on each output tile while it is in cache; {@link #ConvKernel(Node,
 * BiasActivation.Kind, float, float)} gives kernels for fused Conv nodes (e.g. com.microsoft
 * FusedConv, whose optional fourth input Z is that residual).
 */
public final class ConvKernel implements Kernel {
  private final Node node;
  private final int group;
  /** Resolved at plan time when kernel_shape is given; otherwise per run from W. */
  private final WindowAttributes fixed;
  private final BiasActivation.Kind activation;
  private final float alpha;
  private final float beta;
  /** W and B as f32 when they are initializers; null otherwise. */
  private final float[] constW;
  private final float[] constB;
  /** constW packed for {@link PackedConv}, made on first use; null until then. */
  private volatile float[][] packedW;

  /** A plain Conv. */
  public ConvKernel(Node n) {
    this(n, BiasActivation.Kind.NONE, 0f, 0f);
  }

  /**
   * A Conv followed by an activation, applied with the bias (and input 3, a residual of Y's
   * shape, when given) on each output tile.
   *
   * @param alpha the activation's first parameter (see {@link BiasActivation.Kind})
   * @param beta the activation's second parameter
   */
  public ConvKernel(Node n, BiasActivation.Kind activation, float alpha, float beta) {
    node = n;
    long g = n.attrInt("group", 1);
    if (g < 1 || g > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Conv: group must be >= 1, got " + g);
    }
    group = (int) g;
    long[] ks = Spatial.kernelShape(n);
    fixed = ks == null ? null : WindowAttributes.read(n, ks);
    this.activation = activation;
    this.alpha = alpha;
    this.beta = beta;
    constW = constantFloats(n, 1);
    constB = constantFloats(n, 2);
  }

  private static float[] constantFloats(Node n, int i) {
    if (n.inputs().size() <= i || n.input(i) == null) {
      return null;
    }
    Value v = n.input(i);
    Tensor t = v.initializer();
    if (t == null || !(t.dtype() == DType.FLOAT || t.dtype() == DType.FLOAT16
        || t.dtype() == DType.BFLOAT16 || t.dtype() == DType.DOUBLE)) {
      return null;
    }
    return HalfFloats.widen(t).floats();
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x0 = inputs[0];
    Tensor w0 = inputs[1];
    Tensor b0 = inputs.length > 2 ? inputs[2] : null;
    Tensor z0 = inputs.length > 3 ? inputs[3] : null;
    if (x0.rank() < 3 || w0.rank() != x0.rank()) {
      throw new IllegalArgumentException("Conv needs X [N,C,spatial...] and W [M,C/group,k...] of the same "
          + "rank: X " + x0.describe() + ", W " + w0.describe());
    }
    int[] wd = w0.shape().dims();
    WindowAttributes win = fixed != null ? fixed
        : WindowAttributes.read(node, Arrays.stream(wd, 2, wd.length).asLongStream().toArray());
    int g = group;
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
    Shape outShape = Shape.of(sp.outDims());
    if (z0 != null && !z0.shape().equals(outShape)) {
      throw new IllegalArgumentException("Conv: the residual input Z must have Y's shape "
          + outShape + ", got " + z0.describe());
    }
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, outShape);
    if (y.size() > 0) {
      float[] w = constW != null && inputs[1] == node.input(1).initializer() ? constW
          : HalfFloats.widen(w0).floats();
      float[] bias = b0 == null ? null
          : constB != null && b0 == node.input(2).initializer() ? constB : HalfFloats.widen(b0).floats();
      float[] sum = z0 == null ? null : HalfFloats.widen(z0).floats();
      BiasActivation post = new BiasActivation(bias, activation, alpha, beta);
      ConvGeometry geo = new ConvGeometry(n, c, m, g, sp);
      IndirectGemm gemm = IndirectGemms.vector();
      ConvStrategy strategy = ConvStrategy.choose(geo);
      if (gemm != null && strategy != ConvStrategy.DEPTHWISE && geo.kg() > 0) {
        float[][] wp;
        if (w == constW) {
          wp = packedW;
          if (wp == null) {
            wp = PackedConv.packWeights(gemm, w, m, g, geo.kg());
            packedW = wp;
          }
        } else {
          wp = PackedConv.packWeights(gemm, w, m, g, geo.kg());
        }
        PackedConv.run(gemm, geo, HalfFloats.widen(x0).floats(), wp, y.floats(), post, sum, ctx);
      } else {
        compute(geo, HalfFloats.widen(x0).floats(), w, y.floats(), post, sum, ctx);
      }
    }
    return new Tensor[] {HalfFloats.narrow(ctx, y, x0.dtype())};
  }

  /**
   * Computes Y = post(conv(X, W)) with the strategy the geometry calls for.
   *
   * @param sum a residual of Y's layout added before the activation, or null
   */
  static void compute(ConvGeometry geo, float[] x, float[] w, float[] y, BiasActivation post,
      float[] sum, ExecContext ctx) {
    switch (ConvStrategy.choose(geo)) {
      case POINTWISE -> PointwiseConv.run(geo, x, w, y, post, sum, ctx);
      case DEPTHWISE -> DepthwiseConv.run(geo, x, w, y, post, sum, ctx);
      case IM2COL -> Im2colConv.run(geo, x, w, y, post, sum, ctx);
    }
  }
}
