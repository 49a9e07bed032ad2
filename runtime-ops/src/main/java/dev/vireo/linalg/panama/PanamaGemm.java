package dev.vireo.linalg.panama;

import dev.vireo.linalg.FloatGemm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packed float32 GEMM on the Vector API, at whatever width the CPU offers (128, 256 or 512
 * bits).
 *
 * <p>Implementation notes. The loop nest is BLIS's: N in blocks of {@link #NC} columns, K in
 * blocks of {@link #KC}, B's block packed into panels {@link #NR} columns wide (k-major, zero
 * padded), then M in blocks of {@link #MC} rows with A's block packed into panels of {@link #MR}
 * rows (k-major, alpha folded in), then an MR×NR register tile per pair of panels ({@link
 * PanamaGemmTiles}). The micro-kernel keeps MR×NV accumulators in locals (24 accumulators, NV
 * loads and one broadcast fit the 32 vector registers of AVX-512 and NEON), and per k step loads
 * NV vectors of B and does one broadcast and NV FMAs per row of A. Panels narrower than NR (the
 * right edge, attention's short rows) use a 1- or 2-vector tile; tiles that stick out of C are
 * computed into a scratch tile whose valid part is then added. A pre-packed B holds, for each KC block of k, all its panels in a
 * row ({@code blockStart(pc) = pc·paddedN}, panel j at {@code j·kc}), so a product reads it in
 * place. Packing buffers are per thread and reused: steady-state products allocate nothing. The
 * species is a static final constant: held in a field or passed as an argument, the same code
 * runs tens of times slower. The block sizes can be overridden with system properties {@code
 * vireo.gemm.kc}, {@code vireo.gemm.mcPanels} and {@code vireo.gemm.nc} (read once, so the JIT
 * still sees constants) to tune for another cache hierarchy.
 */
public final class PanamaGemm implements FloatGemm {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Rows of the register tile. */
  static final int MR = 6;
  /** Vectors per row of the register tile. */
  static final int NV = 4;
  /** Columns of the register tile. */
  static final int NR = NV * L;
  /** Depth of a packed block: an A panel and a B panel of this depth stay in L1/L2. */
  static final int KC = Integer.getInteger("vireo.gemm.kc", 256);
  /** Rows of A packed at once (a multiple of MR): the packed block stays in L2. */
  static final int MC = Integer.getInteger("vireo.gemm.mcPanels", 16) * MR;
  /** Columns of B per outer block (a multiple of NR): the packed KC×NC block stays in L2. */
  static final int NC = Math.max(1, Integer.getInteger("vireo.gemm.nc", 512) / NR) * NR;

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  /** Per-thread packing space. */
  private static final class Buffers {
    final float[] a = new float[MC * KC];
    final float[] b = new float[KC * NC];
    final float[] tile = new float[MR * NR];
  }

  /** Describes the width in use, e.g. {@code panama 512-bit (16 float lanes)}. */
  public static String describe() {
    return "panama " + S.vectorBitSize() + "-bit (" + L + " float lanes)";
  }

  @Override
  public int rowBlock() {
    return MR;
  }

  @Override
  public int panelWidth() {
    return NR;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0 || k <= 0) {
      return;
    }
    Buffers buf = BUFFERS.get();
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        packB(transB, b, bOff, ldb, pc, jc, kc, nc, buf.b, 0);
        block(transA, alpha, a, aOff, lda, m, pc, kc, buf, buf.b, 0, nc, c, cOff + jc, ldc);
      }
    }
  }

  @Override
  public float[] packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
    int paddedN = (n + NR - 1) / NR * NR;
    float[] dst = new float[Math.multiplyExact(k, paddedN)];
    for (int pc = 0; pc < k; pc += KC) {
      int kc = Math.min(KC, k - pc);
      packB(transB, b, bOff, ldb, pc, 0, kc, n, dst, pc * paddedN);
    }
    return dst;
  }

  @Override
  public void gemmPacked(boolean transA, int m, int n, int j0, int j1, int k, float alpha,
      float[] a, int aOff, int lda, float[] packedB, float[] c, int cOff, int ldc) {
    if (m <= 0 || j1 <= j0 || k <= 0) {
      return;
    }
    int paddedN = (n + NR - 1) / NR * NR;
    Buffers buf = BUFFERS.get();
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        block(transA, alpha, a, aOff, lda, m, pc, kc, buf, packedB, pc * paddedN + jc * kc, nc,
            c, cOff + jc, ldc);
      }
    }
  }

  /**
   * C[0..m, 0..nc] += alpha·op(A)[0..m, pc..pc+kc]·Bblock, where Bblock's panels start at
   * bp[bo] (panel j at bo + j·kc) and c[co] is C[0, 0] of this block.
   */
  private static void block(boolean transA, float alpha, float[] a, int aOff, int lda, int m,
      int pc, int kc, Buffers buf, float[] bp, int bo, int nc, float[] c, int co, int ldc) {
    float[] ap = buf.a;
    for (int ic = 0; ic < m; ic += MC) {
      int mc = Math.min(MC, m - ic);
      packA(transA, alpha, a, aOff, lda, ic, pc, mc, kc, ap);
      for (int jr = 0; jr < nc; jr += NR) {
        int nr = Math.min(NR, nc - jr);
        int bpo = bo + jr * kc;
        for (int ir = 0; ir < mc; ir += MR) {
          int mr = Math.min(MR, mc - ir);
          int ao = ir * kc;
          int cij = co + (ic + ir) * ldc + jr;
          int nv = (nr + L - 1) / L;
          if (mr == MR && nr == nv * L && nv != 3) {
            PanamaGemmTiles.tile(nv, kc, ap, ao, bp, bpo, c, cij, ldc);
          } else {
            float[] t = buf.tile;
            Arrays.fill(t, 0f);
            PanamaGemmTiles.tile(nv, kc, ap, ao, bp, bpo, t, 0, NR);
            for (int i = 0; i < mr; i++) {
              int row = cij + i * ldc;
              for (int j = 0; j < nr; j++) {
                c[row + j] += t[i * NR + j];
              }
            }
          }
        }
      }
    }
  }

  /**
   * Packs op(B)[pc..pc+kc, jc..jc+nc] into panels of NR columns, k-major, zero padded, the first
   * at dst[d0].
   */
  private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kc,
      int nc, float[] dst, int d0) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int base = d0 + jr * kc;
      if (!transB) {
        for (int p = 0; p < kc; p++) {
          int d = base + p * NR;
          System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, dst, d, nr);
          if (nr < NR) {
            Arrays.fill(dst, d + nr, d + NR, 0f);
          }
        }
      } else {
        // column j of the panel is a contiguous run of the source: read it in order
        for (int j = 0; j < nr; j++) {
          int src = bOff + (jc + jr + j) * ldb + pc;
          for (int p = 0; p < kc; p++) {
            dst[base + p * NR + j] = b[src + p];
          }
        }
        for (int j = nr; j < NR; j++) {
          for (int p = 0; p < kc; p++) {
            dst[base + p * NR + j] = 0f;
          }
        }
      }
    }
  }

  /** Packs alpha·op(A)[ic..ic+mc, pc..pc+kc] into panels of MR rows, k-major, zero padded. */
  private static void packA(boolean transA, float alpha, float[] a, int aOff, int lda, int ic,
      int pc, int mc, int kc, float[] dst) {
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int base = ir * kc;
      if (transA) {
        // row p of op(A)'s panel is a contiguous run of the source
        for (int p = 0; p < kc; p++) {
          int src = aOff + (pc + p) * lda + ic + ir;
          int d = base + p * MR;
          for (int i = 0; i < mr; i++) {
            dst[d + i] = alpha * a[src + i];
          }
          for (int i = mr; i < MR; i++) {
            dst[d + i] = 0f;
          }
        }
      } else if (mr == MR) {
        int s0 = aOff + (ic + ir) * lda + pc;
        int s1 = s0 + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        int s4 = s3 + lda;
        int s5 = s4 + lda;
        for (int p = 0; p < kc; p++) {
          int d = base + p * MR;
          dst[d] = alpha * a[s0 + p];
          dst[d + 1] = alpha * a[s1 + p];
          dst[d + 2] = alpha * a[s2 + p];
          dst[d + 3] = alpha * a[s3 + p];
          dst[d + 4] = alpha * a[s4 + p];
          dst[d + 5] = alpha * a[s5 + p];
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int d = base + p * MR;
          for (int i = 0; i < mr; i++) {
            dst[d + i] = alpha * a[aOff + (ic + ir + i) * lda + pc + p];
          }
          for (int i = mr; i < MR; i++) {
            dst[d + i] = 0f;
          }
        }
      }
    }
  }
}
