package dev.vireo.linalg.panama;

import dev.vireo.linalg.Int8Gemm;
import dev.vireo.linalg.Int8Panels;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Gemm} on the Vector API: weights widened from bytes to float and multiplied with
 * fused multiply-adds, at whatever width the CPU offers, exact in int32.
 *
 * <p>Implementation notes. The Vector API has no int8 dot-product operation (VNNI, SDOT), so
 * bytes are widened; float FMAs beat int32 multiply-adds ({@code vpmulld} issues at half the
 * rate of an FMA). Float sums are exact as long as every partial sum stays below 2^24: a
 * product is at most 255·128 in magnitude, so a block of at most 512 steps is summed in float,
 * converted to int and added to C, and the int additions across blocks wrap as int32 does.
 * Panels are {@link #NR} = 4 vectors wide.
 *
 * <p>Few rows (fewer than {@link #WIDEN_MIN_ROWS}) are bound by reading the weights: the
 * kernel streams the packed bytes once per group of 4 rows (or 1), widens each load ({@code
 * vpmovsxbd} + {@code vcvtdq2ps}) and uses it for every row of the group, so the weights cost
 * one byte of traffic per element. More rows are compute-bound and run as the fp32 GEMM does: A
 * is packed once into {@link #MR}-row float strips (k-major), each {@link #KC}-deep block of a
 * panel is widened to float once into a per-thread buffer that stays in L2, and a 6×4-vector
 * FMA tile runs over every strip. A byte load is {@link #BYTES} wide: a quarter of an int
 * vector, but at least 64 bits (the narrowest species), so at 128-bit it reads 4 bytes past
 * what it widens; {@link Int8Panels#SLACK} covers the last panel. Species are static final
 * constants (as fields or arguments the same code runs tens of times slower). No helper takes
 * or returns a vector: one that the JIT does not inline boxes it.
 */
public final class PanamaInt8Gemm implements Int8Gemm {
  static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final int L = I.length();
  static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, I.vectorBitSize() / 4)));
  /** Columns of a panel: 4 int vectors. */
  static final int NR = 4 * L;
  /** Rows of the compute-bound register tile. */
  static final int MR = 6;
  /**
   * Depth of a widened block: KC·NR floats (64 KiB at 512-bit) stay in L2, and KC·255·128 <
   * 2^24 keeps the block's float sums exact.
   */
  static final int KC = 256;
  /** Depth of a streamed block: KB·255·128 < 2^24 keeps its float sums exact. */
  static final int KB = 512;
  /** From this many rows on, widening a block once beats widening every load per row group. */
  static final int WIDEN_MIN_ROWS = 12;

  private static final ThreadLocal<float[]> WIDE = ThreadLocal.withInitial(() -> new float[KC * NR]);
  private static final ThreadLocal<int[]> EDGE = ThreadLocal.withInitial(() -> new int[MR * NR]);
  private static final ThreadLocal<float[][]> A_PACKED = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<float[][]> A_FLOAT = ThreadLocal.withInitial(() -> new float[1][0]);

  /** Describes the width in use, e.g. {@code panama 512-bit (16 int lanes)}. */
  public static String describe() {
    return "panama " + I.vectorBitSize() + "-bit (" + L + " int lanes)";
  }

  @Override
  public int panelWidth() {
    return NR;
  }

  @Override
  public void multiplyAdd(int[] a, int aOff, int m, Int8Panels w, int panel0, int panel1, int[] c,
      int cOff, int ldc) {
    if (w.width() != NR) {
      throw new IllegalArgumentException("panels are " + w.width() + " wide, this kernel reads " + NR);
    }
    int k = w.k();
    byte[] b = w.data();
    if (m >= WIDEN_MIN_ROWS) {
      packed(a, aOff, m, k, b, panel0, panel1, c, cOff, ldc);
      return;
    }
    float[] af = floats(a, aOff, m * k);
    for (int panel = panel0; panel < panel1; panel++) {
      int base = panel * k * NR;
      int col = cOff + panel * NR;
      for (int k0 = 0; k0 < k; k0 += KB) {
        int kb = Math.min(KB, k - k0);
        int wo = base + k0 * NR;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
          PanamaInt8Stream.stream4(af, i * k + k0, k, b, wo, kb, c, col + i * ldc, ldc);
        }
        for (; i < m; i++) {
          PanamaInt8Stream.stream1(af, i * k + k0, k, b, wo, kb, c, col + i * ldc, ldc);
        }
      }
    }
  }

  /**
   * Many rows: A packed once into MR-row float strips (k-major, rows past m zero), each KC-deep
   * block of a panel widened to float once, then the MR×NR FMA tile over every strip.
   */
  private static void packed(int[] a, int aOff, int m, int k, byte[] b, int panel0, int panel1,
      int[] c, int cOff, int ldc) {
    int strips = (m + MR - 1) / MR;
    float[] ap = packA(a, aOff, m, k, strips);
    float[] wide = WIDE.get();
    int[] edge = EDGE.get();
    for (int panel = panel0; panel < panel1; panel++) {
      int base = panel * k * NR;
      int col = cOff + panel * NR;
      for (int k0 = 0; k0 < k; k0 += KC) {
        int kc = Math.min(KC, k - k0);
        widen(b, base + k0 * NR, wide, kc * NR);
        for (int s = 0; s < strips; s++) {
          int rows = Math.min(MR, m - s * MR);
          int ao = s * MR * k + k0 * MR;
          if (rows == MR) {
            tile6(ap, ao, wide, kc, c, col + s * MR * ldc, ldc);
          } else {
            java.util.Arrays.fill(edge, 0);
            tile6(ap, ao, wide, kc, edge, 0, NR);
            for (int r = 0; r < rows; r++) {
              int row = col + (s * MR + r) * ldc;
              for (int j = 0; j < NR; j++) {
                c[row + j] += edge[r * NR + j];
              }
            }
          }
        }
      }
    }
  }

  /** A as float strips of MR rows, {@code ap[s·MR·k + p·MR + r] = a[(s·MR + r)·k + p]}. */
  private static float[] packA(int[] a, int aOff, int m, int k, int strips) {
    int n = strips * MR * k;
    float[][] holder = A_PACKED.get();
    if (holder[0].length < n) {
      holder[0] = new float[n];
    }
    float[] ap = holder[0];
    for (int s = 0; s < strips; s++) {
      int rows = Math.min(MR, m - s * MR);
      int dst = s * MR * k;
      for (int r = 0; r < MR; r++) {
        if (r < rows) {
          int src = aOff + (s * MR + r) * k;
          for (int p = 0; p < k; p++) {
            ap[dst + p * MR + r] = a[src + p];
          }
        } else {
          for (int p = 0; p < k; p++) {
            ap[dst + p * MR + r] = 0;
          }
        }
      }
    }
    return ap;
  }

  /** a[off..off+n) as floats in a per-thread buffer (exact: |a| ≤ 255). */
  private static float[] floats(int[] a, int off, int n) {
    float[][] holder = A_FLOAT.get();
    if (holder[0].length < n) {
      holder[0] = new float[n];
    }
    float[] f = holder[0];
    for (int i = 0; i < n; i++) {
      f[i] = a[off + i];
    }
    return f;
  }

  private static void widen(byte[] b, int off, float[] wide, int len) {
    for (int q = 0; q < len; q += L) {
      ((FloatVector) ByteVector.fromArray(BYTES, b, off + q).convertShape(VectorOperators.B2F, F, 0))
          .intoArray(wide, q);
    }
  }

  /** C[MR×NR] += packed A strip (k-major, MR floats per k) · a kc-deep widened panel block. */
  private static void tile6(float[] a, int ao, float[] w, int kc, int[] c, int co,
      int ldc) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c02 = FloatVector.zero(F);
    FloatVector c03 = FloatVector.zero(F);
    FloatVector c10 = FloatVector.zero(F);
    FloatVector c11 = FloatVector.zero(F);
    FloatVector c12 = FloatVector.zero(F);
    FloatVector c13 = FloatVector.zero(F);
    FloatVector c20 = FloatVector.zero(F);
    FloatVector c21 = FloatVector.zero(F);
    FloatVector c22 = FloatVector.zero(F);
    FloatVector c23 = FloatVector.zero(F);
    FloatVector c30 = FloatVector.zero(F);
    FloatVector c31 = FloatVector.zero(F);
    FloatVector c32 = FloatVector.zero(F);
    FloatVector c33 = FloatVector.zero(F);
    FloatVector c40 = FloatVector.zero(F);
    FloatVector c41 = FloatVector.zero(F);
    FloatVector c42 = FloatVector.zero(F);
    FloatVector c43 = FloatVector.zero(F);
    FloatVector c50 = FloatVector.zero(F);
    FloatVector c51 = FloatVector.zero(F);
    FloatVector c52 = FloatVector.zero(F);
    FloatVector c53 = FloatVector.zero(F);
    // main loop
    for (int p = 0; p < kc; p++) {
      int bo = p * NR;
      FloatVector b0 = FloatVector.fromArray(F, w, bo);
      FloatVector b1 = FloatVector.fromArray(F, w, bo + 1 * L);
      FloatVector b2 = FloatVector.fromArray(F, w, bo + 2 * L);
      FloatVector b3 = FloatVector.fromArray(F, w, bo + 3 * L);
      FloatVector x0 = FloatVector.broadcast(F, a[ao + p * MR]);
      c00 = b0.fma(x0, c00);
      c01 = b1.fma(x0, c01);
      c02 = b2.fma(x0, c02);
      c03 = b3.fma(x0, c03);
      FloatVector x1 = FloatVector.broadcast(F, a[ao + p * MR + 1]);
      c10 = b0.fma(x1, c10);
      c11 = b1.fma(x1, c11);
      c12 = b2.fma(x1, c12);
      c13 = b3.fma(x1, c13);
      FloatVector x2 = FloatVector.broadcast(F, a[ao + p * MR + 2]);
      c20 = b0.fma(x2, c20);
      c21 = b1.fma(x2, c21);
      c22 = b2.fma(x2, c22);
      c23 = b3.fma(x2, c23);
      FloatVector x3 = FloatVector.broadcast(F, a[ao + p * MR + 3]);
      c30 = b0.fma(x3, c30);
      c31 = b1.fma(x3, c31);
      c32 = b2.fma(x3, c32);
      c33 = b3.fma(x3, c33);
      FloatVector x4 = FloatVector.broadcast(F, a[ao + p * MR + 4]);
      c40 = b0.fma(x4, c40);
      c41 = b1.fma(x4, c41);
      c42 = b2.fma(x4, c42);
      c43 = b3.fma(x4, c43);
      FloatVector x5 = FloatVector.broadcast(F, a[ao + p * MR + 5]);
      c50 = b0.fma(x5, c50);
      c51 = b1.fma(x5, c51);
      c52 = b2.fma(x5, c52);
      c53 = b3.fma(x5, c53);
    }
    IntVector.fromArray(I, c, co)
        .add((IntVector) c00.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co);
    IntVector.fromArray(I, c, co + 1 * L)
        .add((IntVector) c01.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * L);
    IntVector.fromArray(I, c, co + 2 * L)
        .add((IntVector) c02.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * L);
    IntVector.fromArray(I, c, co + 3 * L)
        .add((IntVector) c03.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * L);
    IntVector.fromArray(I, c, co + 1 * ldc)
        .add((IntVector) c10.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * ldc);
    IntVector.fromArray(I, c, co + 1 * ldc + 1 * L)
        .add((IntVector) c11.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * ldc + 1 * L);
    IntVector.fromArray(I, c, co + 1 * ldc + 2 * L)
        .add((IntVector) c12.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * ldc + 2 * L);
    IntVector.fromArray(I, c, co + 1 * ldc + 3 * L)
        .add((IntVector) c13.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * ldc + 3 * L);
    IntVector.fromArray(I, c, co + 2 * ldc)
        .add((IntVector) c20.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * ldc);
    IntVector.fromArray(I, c, co + 2 * ldc + 1 * L)
        .add((IntVector) c21.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * ldc + 1 * L);
    IntVector.fromArray(I, c, co + 2 * ldc + 2 * L)
        .add((IntVector) c22.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * ldc + 2 * L);
    IntVector.fromArray(I, c, co + 2 * ldc + 3 * L)
        .add((IntVector) c23.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * ldc + 3 * L);
    IntVector.fromArray(I, c, co + 3 * ldc)
        .add((IntVector) c30.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * ldc);
    IntVector.fromArray(I, c, co + 3 * ldc + 1 * L)
        .add((IntVector) c31.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * ldc + 1 * L);
    IntVector.fromArray(I, c, co + 3 * ldc + 2 * L)
        .add((IntVector) c32.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * ldc + 2 * L);
    IntVector.fromArray(I, c, co + 3 * ldc + 3 * L)
        .add((IntVector) c33.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * ldc + 3 * L);
    IntVector.fromArray(I, c, co + 4 * ldc)
        .add((IntVector) c40.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 4 * ldc);
    IntVector.fromArray(I, c, co + 4 * ldc + 1 * L)
        .add((IntVector) c41.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 4 * ldc + 1 * L);
    IntVector.fromArray(I, c, co + 4 * ldc + 2 * L)
        .add((IntVector) c42.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 4 * ldc + 2 * L);
    IntVector.fromArray(I, c, co + 4 * ldc + 3 * L)
        .add((IntVector) c43.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 4 * ldc + 3 * L);
    IntVector.fromArray(I, c, co + 5 * ldc)
        .add((IntVector) c50.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 5 * ldc);
    IntVector.fromArray(I, c, co + 5 * ldc + 1 * L)
        .add((IntVector) c51.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 5 * ldc + 1 * L);
    IntVector.fromArray(I, c, co + 5 * ldc + 2 * L)
        .add((IntVector) c52.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 5 * ldc + 2 * L);
    IntVector.fromArray(I, c, co + 5 * ldc + 3 * L)
        .add((IntVector) c53.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 5 * ldc + 3 * L);
  }
}
