package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.Sgemm;

/**
 * 1×1 convolution with stride 1 and no padding, computed straight on the NCHW input: for each
 * image and group, Y[M/g, HW] = W[M/g, C/g] · X[C/g, HW]. The HW columns are cut into tiles so
 * that each task's slice of X stays in cache and the post-op runs on a tile just written.
 */
final class PointwiseConv {
  /** Floats of X per tile (C/g × tile columns): about 256 KB. */
  static final int TILE_FLOATS = 1 << 16;
  /** Multiply-adds below which a task is not worth handing to another thread. */
  static final long GRAIN = 1L << 17;

  private PointwiseConv() {}

  static void run(ConvGeometry geo, float[] x, float[] w, float[] y, BiasActivation post,
      float[] sum, ExecContext ctx) {
    int g = geo.g();
    int cg = geo.cg();
    int mg = geo.mg();
    int hw = geo.sp().outSize();
    int tile = tileColumns(cg, hw);
    int tiles = (hw + tile - 1) / tile;
    int tasks = geo.n() * g * tiles;
    long work = (long) mg * cg * tile;
    ctx.parallelFor(tasks, (int) Math.max(1, GRAIN / Math.max(1, work)), (from, to) -> {
      for (int q = from; q < to; q++) {
        int t = q % tiles;
        int grp = (q / tiles) % g;
        int img = q / (tiles * g);
        int p0 = t * tile;
        int cols = Math.min(tile, hw - p0);
        int xOff = (img * geo.c() + grp * cg) * hw + p0;
        int yBase = img * geo.m() * hw;
        Sgemm.sgemm(false, false, mg, cols, cg, 1f, w, grp * mg * cg, cg, x, xOff, hw, 0f, y,
            yBase + grp * mg * hw + p0, hw);
        if (!post.isIdentity() || sum != null) {
          post.apply(y, yBase, hw, grp * mg, (grp + 1) * mg, p0, p0 + cols, sum);
        }
      }
    });
  }

  /** Columns per tile: a multiple of 64 holding about {@link #TILE_FLOATS} of input. */
  static int tileColumns(int rows, int cols) {
    int t = Math.max(64, (TILE_FLOATS / Math.max(1, rows) + 63) / 64 * 64);
    return Math.min(t, cols);
  }
}
