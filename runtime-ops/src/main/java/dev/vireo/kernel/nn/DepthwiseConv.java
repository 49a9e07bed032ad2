package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.PaddedPlane;
import dev.vireo.linalg.WindowRowOps;
import dev.vireo.linalg.WindowRows;

/**
 * Depthwise convolution: group = C, M a multiple of C (output channel o filters input channel
 * o / (M/C) with its own kH×kW filter), no window along the leading spatial dim of 3-D inputs;
 * split over (image, output channel) planes.
 *
 * <p>A 3×3 kernel with dilation 1 and equal strides 1 or 2, whose post-op is a bias with Relu,
 * Clip or no activation and no residual, runs {@link WindowRowOps#conv3x3} straight on the input
 * planes with the post-op fused into the store. Anything else copies each input plane with its
 * zero padding into a per-thread {@link PaddedPlane} and computes every output row as a weighted
 * sum of kH·kW contiguous runs ({@link WindowRowOps#weightedSum}), applying the post-op to each
 * row while it is in cache.
 */
final class DepthwiseConv {
  private static final Scratch PLANE = new Scratch();
  /** Multiply-adds per parallel chunk at least, so small planes are not split one by one. */
  private static final int GRAIN = 1 << 15;

  private DepthwiseConv() {}

  static void run(ConvGeometry geo, float[] x, float[] w, float[] y, BiasActivation post,
      float[] sum, ExecContext ctx) {
    Spatial sp = geo.sp();
    int[] in = sp.in();
    int[] out = sp.out();
    int[] k = sp.k();
    int[] s = sp.s();
    int[] d = sp.dil();
    int taps = k[1] * k[2];
    int outPlane = out[1] * out[2];
    int planes = geo.n() * geo.m() * in[0];
    int chunk = Math.max(1, GRAIN / Math.max(1, outPlane * taps));
    if (k[1] == 3 && k[2] == 3 && d[1] == 1 && d[2] == 1 && s[1] == s[2] && s[1] <= 2
        && sum == null && clampable(post)) {
      ctx.parallelFor(planes, chunk, (from, to) -> fused3x3(geo, x, w, y, post, from, to));
    } else {
      ctx.parallelFor(planes, chunk, (from, to) -> rows(geo, x, w, y, post, sum, from, to));
    }
  }

  /** Whether the post-op is a bias followed by a clamp: no activation, Relu or Clip(lo <= hi). */
  private static boolean clampable(BiasActivation post) {
    return switch (post.kind()) {
      case NONE, RELU -> true;
      case CLIP -> post.alpha() <= post.beta();
      default -> false;
    };
  }

  private static void fused3x3(ConvGeometry geo, float[] x, float[] w, float[] y,
      BiasActivation post, int from, int to) {
    Spatial sp = geo.sp();
    int[] in = sp.in();
    int[] out = sp.out();
    int depth = in[0];
    int m = geo.m();
    int mult = m / geo.c();
    int inPlane = in[1] * in[2];
    int outPlane = out[1] * out[2];
    float lo = post.kind() == BiasActivation.Kind.NONE ? Float.NEGATIVE_INFINITY : post.alpha();
    float hi = post.kind() == BiasActivation.Kind.CLIP ? post.beta() : Float.POSITIVE_INFINITY;
    if (post.kind() == BiasActivation.Kind.RELU) {
      lo = 0f;
    }
    WindowRowOps ops = WindowRows.ops();
    int stride = sp.s()[1];
    float[] scratch = PLANE.floats(ops.conv3x3Scratch(in[2], sp.pad()[2], out[1], out[2], stride));
    int p = from;
    while (p < to) {
      int o = (p / depth) % m;
      int src = ((p / (depth * m)) * geo.c() + o / mult) * depth + p % depth;
      // without a multiplier or depth, the planes up to the image's end are consecutive in x, w
      // and the bias
      int run = mult == 1 && depth == 1 ? Math.min(to - p, m - o) : 1;
      ops.conv3x3(x, src * inPlane, in[1], in[2], stride, sp.pad()[1], sp.pad()[2], w, o * 9,
          post.bias(), o, lo, hi, y, p * outPlane, out[1], out[2], run, scratch);
      p += run;
    }
  }

  private static void rows(ConvGeometry geo, float[] x, float[] w, float[] y,
      BiasActivation post, float[] sum, int from, int to) {
    Spatial sp = geo.sp();
    int[] in = sp.in();
    int[] out = sp.out();
    PaddedPlane plane = new PaddedPlane(in[1], in[2], sp.k()[1], sp.k()[2], sp.s()[1], sp.s()[2],
        sp.pad()[1], sp.pad()[2], sp.dil()[1], sp.dil()[2], out[1], out[2]);
    int taps = plane.taps();
    int depth = in[0];
    int m = geo.m();
    int mult = m / geo.c();
    int inPlane = in[1] * in[2];
    int outPlane = out[1] * out[2];
    boolean postOp = !post.isIdentity() || sum != null;
    WindowRowOps ops = WindowRows.ops();
    float[] buf = PLANE.floats(plane.size());
    int[] tap = PLANE.ints(taps);
    for (int p = from; p < to; p++) {
      int o = (p / depth) % m;
      int img = p / (depth * m);
      int dd = p % depth;
      plane.fill(x, ((img * geo.c() + o / mult) * depth + dd) * inPlane, 0f, buf);
      int yOff = p * outPlane;
      // one plane is one channel: the post-op sees it as a 1-channel tile with that channel's bias
      int base = img * m * depth * outPlane + dd * outPlane;
      for (int oh = 0; oh < out[1]; oh++) {
        plane.rowTaps(oh, tap);
        ops.weightedSum(buf, tap, w, o * taps, taps, y, yOff + oh * out[2], out[2]);
        if (postOp) {
          post.apply(y, base, depth * outPlane, o, o + 1, oh * out[2], (oh + 1) * out[2], sum);
        }
      }
    }
  }
}
