package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.PaddedPlane;
import dev.vireo.linalg.WindowRowOps;
import dev.vireo.linalg.WindowRows;

/**
 * MaxPool without the Indices output and without a window along the leading spatial dim of 3-D
 * inputs: each [H, W] plane is copied with −∞ padding into a per-thread {@link PaddedPlane}, then
 * every output row is a vectorized max of kH·kW contiguous runs ({@link WindowRowOps#max}).
 *
 * <p>A window that lies wholly in the padding gives −∞, as the scalar loop does; a NaN in a
 * window gives NaN.
 */
final class MaxPoolRows {
  private static final Scratch PLANE = new Scratch();
  private static final int GRAIN = 1 << 14;

  private MaxPoolRows() {}

  /** Pools {@code planes} [H, W] planes of x into y. */
  static void run(float[] x, float[] y, int planes, Spatial sp, ExecContext ctx) {
    int[] in = sp.in();
    int[] out = sp.out();
    PaddedPlane plane = new PaddedPlane(in[1], in[2], sp.k()[1], sp.k()[2], sp.s()[1], sp.s()[2],
        sp.pad()[1], sp.pad()[2], sp.dil()[1], sp.dil()[2], out[1], out[2]);
    int taps = plane.taps();
    int inPlane = in[1] * in[2];
    int outPlane = out[1] * out[2];
    WindowRowOps ops = WindowRows.ops();
    ctx.parallelFor(planes, Math.max(1, GRAIN / Math.max(1, outPlane * taps)), (from, to) -> {
      float[] buf = PLANE.floats(plane.size());
      int[] tap = PLANE.ints(taps);
      for (int p = from; p < to; p++) {
        plane.fill(x, p * inPlane, Float.NEGATIVE_INFINITY, buf);
        for (int oh = 0; oh < out[1]; oh++) {
          plane.rowTaps(oh, tap);
          ops.max(buf, tap, taps, y, p * outPlane + oh * out[2], out[2]);
        }
      }
    });
  }
}
