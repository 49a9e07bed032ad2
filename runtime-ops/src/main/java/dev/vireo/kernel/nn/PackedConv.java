package dev.vireo.kernel.nn;

import dev.vireo.exec.ExecContext;
import dev.vireo.linalg.BiasActivation;
import dev.vireo.linalg.IndirectGemm;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * General (non-depthwise) convolution on an {@link IndirectGemm}: the filters packed once per
 * group, the input laid out once per run so that every unfolded row is a contiguous run ({@link
 * PhaseLayout}; a 1×1 stride-1 unpadded conv uses the input as it is), and B read in place.
 *
 * <p>Work is cut into tasks of (image, group, column tile, row block): a tile is a few column
 * panels of the virtual output grid, a row block a run of A panels (only split when there are too
 * few tiles to keep the threads busy, as for 7×7 maps). Per task: for each depth block, for each
 * panel, all the block's rows; the product goes to a per-thread tile (or straight into Y when the
 * virtual grid is the output grid), then real positions are copied to Y and the post-op runs on
 * them while they are in cache.
 */
final class PackedConv {
  /** Multiply-adds below which a task is not worth handing to another thread. */
  private static final long GRAIN = 1L << 18;
  /** Largest column tile, in floats per row of C. */
  private static final int MAX_TILE_COLUMNS = 512;
  private static final Scratch TILE = new Scratch();
  private static final Scratch PANEL = new Scratch();
  private static final Scratch OFFSETS = new Scratch();

  private PackedConv() {}

  /** W [M, kg] packed per group for {@code gemm}. */
  static float[][] packWeights(IndirectGemm gemm, float[] w, int m, int g, int kg) {
    int mg = m / g;
    float[][] packed = new float[g][];
    for (int grp = 0; grp < g; grp++) {
      packed[grp] = gemm.packA(mg, kg, w, grp * mg * kg, kg);
    }
    return packed;
  }

  static void run(IndirectGemm gemm, ConvGeometry geo, float[] x, float[][] wp, float[] y,
      BiasActivation post, float[] sum, ExecContext ctx) {
    Spatial sp = geo.sp();
    PhaseLayout lay = new PhaseLayout(sp);
    int n = geo.n();
    int c = geo.c();
    int g = geo.g();
    int cg = geo.cg();
    int mg = geo.mg();
    int kg = geo.kg();
    int nr = gemm.panelWidth();
    int mr = gemm.rowBlock();
    int kcMax = gemm.depthBlock();
    int outSize = sp.outSize();
    int stride = lay.inPlace() ? sp.inSize() : lay.channelStride();
    Tensor buffer = null;
    float[] src = x;
    if (!lay.inPlace()) {
      // the slack lets the last panel read whole vectors past the last virtual position
      buffer = ctx.allocateUninitialized(DType.FLOAT, Shape.of(Math.addExact(
          Math.multiplyExact(n * c, stride), nr)));
      float[] buf = buffer.floats();
      int inSize = sp.inSize();
      ctx.parallelFor(n * c, Math.max(1, (1 << 18) / Math.max(1, stride)), (from, to) -> {
        for (int ch = from; ch < to; ch++) {
          lay.copyChannel(x, ch * inSize, buf, ch * stride);
        }
      });
      src = buf;
    }
    int vn = lay.virtualSize();
    boolean direct = lay.directOutput();
    int panels = (vn + nr - 1) / nr;
    int rowPanels = (mg + mr - 1) / mr;
    int threads = ctx.threads();
    int maxPpt = Math.max(1, MAX_TILE_COLUMNS / nr);
    int ppt = threads <= 1 ? maxPpt
        : Math.max(1, Math.min(maxPpt, n * g * panels / (8 * threads)));
    int tiles = (panels + ppt - 1) / ppt;
    int rb = 1;
    if (threads > 1 && n * g * tiles < 4 * threads) {
      rb = Math.max(1, Math.min(rowPanels / 4, (4 * threads + n * g * tiles - 1) / (n * g * tiles)));
    }
    int blockPanels = (rowPanels + rb - 1) / rb;
    int blocks = (rowPanels + blockPanels - 1) / blockPanels;
    int tasks = n * g * tiles * blocks;
    long work = (long) blockPanels * mr * kg * ppt * nr;
    int mPad = rowPanels * mr;
    int tileCols = Math.min(ppt, panels) * nr;
    // rows of the scratch tile one cache line longer than the tile: a power-of-two stride would
    // map a tile's rows to a few cache sets
    int ldt = tileCols + 16;
    float[] in = src;
    // tasks are claimed one at a time, so a thread that starts late takes fewer instead of
    // holding up the run with a fixed share
    AtomicInteger next = new AtomicInteger();
    int chunks = (int) Math.min(threads, Math.max(1, tasks / Math.max(1, GRAIN / Math.max(1, work))));
    ctx.parallelFor(chunks, 1, (from, to) -> {
      int[] offs = OFFSETS.ints(kg + kcMax);
      int maxOff = lay.offsets(cg, offs);
      for (int p = 0; p < kcMax; p++) {
        offs[kg + p] = p * nr;
      }
      float[] ct = direct ? null : TILE.floats(blockPanels * mr * ldt);
      for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
        int blk = t % blocks;
        int tile = (t / blocks) % tiles;
        int grp = (t / (blocks * tiles)) % g;
        int img = t / (blocks * tiles * g);
        int r0 = blk * blockPanels * mr;
        int rows = Math.min(mg, r0 + blockPanels * mr) - r0;
        int rowsPad = (rows + mr - 1) / mr * mr;
        int q0 = tile * tileCols;
        int q1 = Math.min(vn, q0 + tileCols);
        int base = (img * c + grp * cg) * stride;
        int yBase = img * geo.m() * outSize;
        int yRows = yBase + (grp * mg + r0) * outSize;
        for (int pc = 0; pc < kg; pc += kcMax) {
          int kc = Math.min(kcMax, kg - pc);
          int ao = pc * mPad + r0 * kc;
          for (int col = q0; col < q1; col += nr) {
            int cols = Math.min(nr, q1 - col);
            float[] cArr = direct ? y : ct;
            int co = direct ? yRows + col : col - q0;
            int ldc = direct ? outSize : ldt;
            if ((long) base + maxOff + col + nr <= in.length) {
              // the tile is scratch: padding rows (zero filters) and columns past the last
              // virtual position (discarded) keep the multiply on whole register tiles
              gemm.multiply(direct ? rows : rowsPad, kc, wp[grp], ao, in, offs, pc, base + col,
                  direct ? cols : nr, cArr, co, ldc, pc > 0);
            } else {
              // the input's last panel: copied so that whole vectors can be read
              float[] panel = PANEL.floats(kc * nr);
              for (int p = 0; p < kc; p++) {
                int s = base + offs[pc + p] + col;
                System.arraycopy(in, s, panel, p * nr, cols);
                java.util.Arrays.fill(panel, p * nr + cols, (p + 1) * nr, 0f);
              }
              gemm.multiply(rows, kc, wp[grp], ao, panel, offs, kg, 0, cols, cArr, co, ldc,
                  pc > 0);
            }
          }
        }
        if (!direct) {
          lay.copyOut(ct, ldt, q0, q1, rows, y, yRows, outSize);
        }
        if (!post.isIdentity() || sum != null) {
          int p0 = direct ? q0 : lay.realBefore(q0);
          int p1 = direct ? q1 : lay.realBefore(q1);
          TilePost.apply(post, y, yBase, outSize, grp * mg + r0, grp * mg + r0 + rows, p0, p1, sum);
        }
      }
    });
    if (buffer != null) {
      ctx.release(buffer);
    }
  }
}
