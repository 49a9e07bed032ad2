package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.Im2col;
import dev.vireo.linalg.Sgemm;

/**
 * General convolution (any kernel, strides, pads, dilations, groups, 1 to 3 spatial dims): for
 * each image, group and tile of output positions, the tile's windows are unfolded into a
 * per-thread buffer of [C/g·kSize, tile] floats (sized to stay in cache and reused across calls)
 * and multiplied by the group's filters W[M/g, C/g·kSize]; the post-op then runs on the tile.
 */
final class Im2colConv {
  private static final Scratch COL = new Scratch();

  private Im2colConv() {}

  static void run(ConvGeometry geo, float[] x, float[] w, float[] y, BiasActivation post,
      float[] sum, ExecContext ctx) {
    Spatial sp = geo.sp();
    int g = geo.g();
    int cg = geo.cg();
    int mg = geo.mg();
    int kg = geo.kg();
    int inSize = sp.inSize();
    int outSize = sp.outSize();
    int tile = PointwiseConv.tileColumns(kg, outSize);
    int tiles = (outSize + tile - 1) / tile;
    int tasks = geo.n() * g * tiles;
    long work = (long) mg * kg * tile;
    ctx.parallelFor(tasks, (int) Math.max(1, PointwiseConv.GRAIN / Math.max(1, work)), (from, to) -> {
      float[] col = COL.floats(kg * tile);
      for (int q = from; q < to; q++) {
        int t = q % tiles;
        int grp = (q / tiles) % g;
        int img = q / (tiles * g);
        int p0 = t * tile;
        int cols = Math.min(tile, outSize - p0);
        int xOff = (img * geo.c() + grp * cg) * inSize;
        Im2col.unfoldTile(x, xOff, 0, cg, sp.in(), sp.k(), sp.s(), sp.pad(), sp.dil(), sp.out(),
            p0, p0 + cols, col, 0);
        int yBase = img * geo.m() * outSize;
        Sgemm.sgemm(false, false, mg, cols, kg, 1f, w, grp * mg * kg, kg, col, 0, cols, 0f, y,
            yBase + grp * mg * outSize + p0, outSize);
        if (!post.isIdentity() || sum != null) {
          post.apply(y, yBase, outSize, grp * mg, (grp + 1) * mg, p0, p0 + cols, sum);
        }
      }
    });
  }
}
