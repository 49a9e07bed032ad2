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
 * rows (k-major, alpha folded in), then an MR×NR register tile per pair of panels. The
 * micro-kernel keeps MR×NV accumulators in locals (24 accumulators, NV loads and one broadcast
 * fit the 32 vector registers of AVX-512 and NEON), and per k step loads NV vectors of B and
 * does one broadcast and NV FMAs per row of A; its indices are affine in the loop counter so C2
 * hoists the bounds checks. Tiles that stick out of C are computed into a scratch tile whose
 * valid part is then added. A pre-packed B holds, for each KC block of k, all its panels in a
 * row ({@code blockStart(pc) = pc·paddedN}, panel j at {@code j·kc}), so a product reads it in
 * place. Packing buffers are per thread and reused: steady-state products allocate nothing. The
 * species is a static final constant: held in a field or passed as an argument, the same code
 * runs tens of times slower.
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
            tile(nv, kc, ap, ao, bp, bpo, c, cij, ldc);
          } else {
            float[] t = buf.tile;
            Arrays.fill(t, 0f);
            tile(nv, kc, ap, ao, bp, bpo, t, 0, NR);
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
   * The register tile covering nv vectors of each row: narrower panels (attention's short rows,
   * the right edge of C) use a narrower kernel instead of computing zeros.
   */
  private static void tile(int nv, int kc, float[] ap, int ao, float[] bp, int bo, float[] c,
      int co, int ldc) {
    if (nv == 1) {
      kernel1(kc, ap, ao, bp, bo, c, co, ldc);
    } else if (nv == 2) {
      kernel2(kc, ap, ao, bp, bo, c, co, ldc);
    } else {
      kernel(kc, ap, ao, bp, bo, c, co, ldc);
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

  /** C[MR×NR] += Apanel[MR×kc] · Bpanel[kc×NR], both panels packed k-major. */
  private static void kernel(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co,
      int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c02 = FloatVector.zero(S);
    FloatVector c03 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c12 = FloatVector.zero(S);
    FloatVector c13 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c22 = FloatVector.zero(S);
    FloatVector c23 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c32 = FloatVector.zero(S);
    FloatVector c33 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c42 = FloatVector.zero(S);
    FloatVector c43 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    FloatVector c52 = FloatVector.zero(S);
    FloatVector c53 = FloatVector.zero(S);
    FloatVector a;
    // main loop
    for (int p = 0; p < kc; p++) {
      int bi = bo + p * NR;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + 1 * L);
      FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
      a = FloatVector.broadcast(S, ap[ai + 0]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      c02 = a.fma(b2, c02);
      c03 = a.fma(b3, c03);
      a = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      c12 = a.fma(b2, c12);
      c13 = a.fma(b3, c13);
      a = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      c22 = a.fma(b2, c22);
      c23 = a.fma(b3, c23);
      a = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      c32 = a.fma(b2, c32);
      c33 = a.fma(b3, c33);
      a = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      c42 = a.fma(b2, c42);
      c43 = a.fma(b3, c43);
      a = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      c52 = a.fma(b2, c52);
      c53 = a.fma(b3, c53);
    }
    int r0 = co + 0 * ldc;
    FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
    FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
    FloatVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
    FloatVector.fromArray(S, c, r0 + 3 * L).add(c03).intoArray(c, r0 + 3 * L);
    int r1 = co + 1 * ldc;
    FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
    FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
    FloatVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
    FloatVector.fromArray(S, c, r1 + 3 * L).add(c13).intoArray(c, r1 + 3 * L);
    int r2 = co + 2 * ldc;
    FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
    FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
    FloatVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
    FloatVector.fromArray(S, c, r2 + 3 * L).add(c23).intoArray(c, r2 + 3 * L);
    int r3 = co + 3 * ldc;
    FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
    FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
    FloatVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
    FloatVector.fromArray(S, c, r3 + 3 * L).add(c33).intoArray(c, r3 + 3 * L);
    int r4 = co + 4 * ldc;
    FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
    FloatVector.fromArray(S, c, r4 + 1 * L).add(c41).intoArray(c, r4 + 1 * L);
    FloatVector.fromArray(S, c, r4 + 2 * L).add(c42).intoArray(c, r4 + 2 * L);
    FloatVector.fromArray(S, c, r4 + 3 * L).add(c43).intoArray(c, r4 + 3 * L);
    int r5 = co + 5 * ldc;
    FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
    FloatVector.fromArray(S, c, r5 + 1 * L).add(c51).intoArray(c, r5 + 1 * L);
    FloatVector.fromArray(S, c, r5 + 2 * L).add(c52).intoArray(c, r5 + 2 * L);
    FloatVector.fromArray(S, c, r5 + 3 * L).add(c53).intoArray(c, r5 + 3 * L);
  }

  /** C[MR×1·L] += Apanel[MR×kc] · the first 1 vector of each row of Bpanel (stride NR). */
  private static void kernel1(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co,
      int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector a;
    // main loop
    for (int p = 0; p < kc; p++) {
      int bi = bo + p * NR;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      a = FloatVector.broadcast(S, ap[ai + 0]);
      c00 = a.fma(b0, c00);
      a = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a.fma(b0, c10);
      a = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a.fma(b0, c20);
      a = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a.fma(b0, c30);
      a = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a.fma(b0, c40);
      a = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = a.fma(b0, c50);
    }
    int r0 = co + 0 * ldc;
    FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
    int r1 = co + 1 * ldc;
    FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
    int r2 = co + 2 * ldc;
    FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
    int r3 = co + 3 * ldc;
    FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
    int r4 = co + 4 * ldc;
    FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
    int r5 = co + 5 * ldc;
    FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
  }

  /** C[MR×2·L] += Apanel[MR×kc] · the first 2 vectors of each row of Bpanel (stride NR). */
  private static void kernel2(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co,
      int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    FloatVector a;
    // main loop
    for (int p = 0; p < kc; p++) {
      int bi = bo + p * NR;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + 1 * L);
      a = FloatVector.broadcast(S, ap[ai + 0]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    int r0 = co + 0 * ldc;
    FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
    FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
    int r1 = co + 1 * ldc;
    FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
    FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
    int r2 = co + 2 * ldc;
    FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
    FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
    int r3 = co + 3 * ldc;
    FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
    FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
    int r4 = co + 4 * ldc;
    FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
    FloatVector.fromArray(S, c, r4 + 1 * L).add(c41).intoArray(c, r4 + 1 * L);
    int r5 = co + 5 * ldc;
    FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
    FloatVector.fromArray(S, c, r5 + 1 * L).add(c51).intoArray(c, r5 + 1 * L);
  }
}
