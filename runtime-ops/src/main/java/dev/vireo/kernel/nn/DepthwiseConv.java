package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.PaddedPlane;
import dev.vireo.linalg.WindowRowOps;
import dev.vireo.linalg.WindowRows;

/**
 * Depthwise convolution (group = C = M, one kH×kW filter per channel, no window along the
 * leading spatial dim of 3-D inputs): each [H, W] plane is copied with its zero padding into a
 * per-thread {@link PaddedPlane}, then every output row is a vectorized weighted sum of kH·kW
 * contiguous runs ({@link WindowRowOps#weightedSum}), any stride and dilation.
 */
final class DepthwiseConv {
  private static final Scratch PLANE = new Scratch();
  private static final int GRAIN = 1 << 15;

  private DepthwiseConv() {}

  static void run(ConvGeometry geo, float[] x, float[] w, float[] y, BiasActivation post,
      float[] sum, ExecContext ctx) {
    Spatial sp = geo.sp();
    int[] in = sp.in();
    int[] out = sp.out();
    PaddedPlane plane = new PaddedPlane(in[1], in[2], sp.k()[1], sp.k()[2], sp.s()[1], sp.s()[2],
        sp.pad()[1], sp.pad()[2], sp.dil()[1], sp.dil()[2], out[1], out[2]);
    int taps = plane.taps();
    int inPlane = in[1] * in[2];
    int outPlane = out[1] * out[2];
    int depth = in[0];
    int c = geo.c();
    int planes = geo.n() * c * depth;
    WindowRowOps ops = WindowRows.ops();
    boolean postOp = !post.isIdentity() || sum != null;
    ctx.parallelFor(planes, Math.max(1, GRAIN / Math.max(1, outPlane * taps)), (from, to) -> {
      float[] buf = PLANE.floats(plane.size());
      int[] tap = PLANE.ints(taps);
      for (int p = from; p < to; p++) {
        int ch = (p / depth) % c;
        plane.fill(x, p * inPlane, 0f, buf);
        int yOff = p * outPlane;
        for (int oh = 0; oh < out[1]; oh++) {
          plane.rowTaps(oh, tap);
          ops.weightedSum(buf, tap, w, ch * taps, taps, y, yOff + oh * out[2], out[2]);
        }
        if (postOp) {
          // one plane is one channel: apply as a 1-channel tile with that channel's bias
          int img = p / (depth * c);
          int d = p % depth;
          post.apply(y, img * c * depth * outPlane + d * outPlane, depth * outPlane, ch, ch + 1, 0,
              outPlane, sum);
        }
      }
    });
  }
}
