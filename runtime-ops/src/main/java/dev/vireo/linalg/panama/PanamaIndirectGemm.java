package dev.vireo.linalg.panama;

import static dev.vireo.linalg.panama.PanamaGemm.L;
import static dev.vireo.linalg.panama.PanamaGemm.MR;
import static dev.vireo.linalg.panama.PanamaGemm.NR;

import dev.vireo.linalg.IndirectGemm;
import dev.vireo.linalg.ScalarIndirectGemm;

/**
 * {@link IndirectGemm} on the Vector API with {@link PanamaGemm}'s register tile (MR rows × up
 * to 4 vectors) and depth block.
 *
 * <p>Implementation notes. A call covers one column panel (up to NR columns) and all rows given:
 * the panel's B rows (kc runs of the source) stay in L1/L2 while the A panels stream past. Whole
 * tiles go straight to C; a tile with fewer than MR rows, or columns that are not whole vectors,
 * is computed into a per-thread scratch tile whose valid part is then stored or added.
 */
public final class PanamaIndirectGemm implements IndirectGemm {
  private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

  @Override
  public int rowBlock() {
    return MR;
  }

  @Override
  public int panelWidth() {
    return NR;
  }

  @Override
  public int depthBlock() {
    return PanamaGemm.KC;
  }

  @Override
  public float[] packA(int m, int k, float[] a, int aOff, int lda) {
    return new ScalarIndirectGemm(MR, NR, PanamaGemm.KC).packA(m, k, a, aOff, lda);
  }

  @Override
  public void multiply(int rows, int kc, float[] ap, int ao, float[] src, int[] offsets, int oo,
      int col0, int cols, float[] c, int co, int ldc, boolean accumulate) {
    if (rows <= 0 || cols <= 0) {
      return;
    }
    if (kc <= 0) {
      if (!accumulate) {
        for (int i = 0; i < rows; i++) {
          java.util.Arrays.fill(c, co + i * ldc, co + i * ldc + cols, 0f);
        }
      }
      return;
    }
    int nv = (cols + L - 1) / L;
    boolean wholeColumns = cols == nv * L;
    for (int ir = 0; ir < rows; ir += MR) {
      int mr = Math.min(MR, rows - ir);
      int a = ao + ir * kc;
      int cij = co + ir * ldc;
      if (mr == MR && wholeColumns) {
        PanamaIndirectTiles.tile(nv, kc, ap, a, src, offsets, oo, col0, c, cij, ldc, accumulate);
      } else {
        edge(nv, mr, cols, kc, ap, a, src, offsets, oo, col0, c, cij, ldc, accumulate);
      }
    }
  }

  /** A tile with fewer than MR rows or columns that are not whole vectors, through scratch. */
  private static void edge(int nv, int mr, int cols, int kc, float[] ap, int a, float[] src,
      int[] offsets, int oo, int col0, float[] c, int cij, int ldc, boolean accumulate) {
    float[] t = TILE.get();
    PanamaIndirectTiles.tile(nv, kc, ap, a, src, offsets, oo, col0, t, 0, NR, false);
    for (int i = 0; i < mr; i++) {
      int row = cij + i * ldc;
      int tr = i * NR;
      if (accumulate) {
        for (int j = 0; j < cols; j++) {
          c[row + j] += t[tr + j];
        }
      } else {
        System.arraycopy(t, tr, c, row, cols);
      }
    }
  }
}
