package dev.vireo.linalg.panama;

import static dev.vireo.linalg.panama.PanamaGemm.L;
import static dev.vireo.linalg.panama.PanamaGemm.MR;
import static dev.vireo.linalg.panama.PanamaGemm.S;

import jdk.incubator.vector.FloatVector;

/**
 * The register tiles of {@link PanamaIndirectGemm}: MR rows × 1 to 4 vectors, over a packed A
 * panel (MR floats per k step) and B rows found through an offset table. Each stores its product
 * into C or adds it. Accumulators are locals; A's index is affine in the loop counter (its bounds
 * check is hoisted), B's comes from the table.
 */
final class PanamaIndirectTiles {
  private PanamaIndirectTiles() {}

  /** The register tile covering nv (1 to 4) vectors of each row. */
  static void tile(int nv, int kc, float[] ap, int ao, float[] src, int[] offs, int oo, int col0,
      float[] c, int co, int ldc, boolean acc) {
    switch (nv) {
      case 1 -> kernel1(kc, ap, ao, src, offs, oo, col0, c, co, ldc, acc);
      case 2 -> kernel2(kc, ap, ao, src, offs, oo, col0, c, co, ldc, acc);
      case 3 -> kernel3(kc, ap, ao, src, offs, oo, col0, c, co, ldc, acc);
      default -> kernel4(kc, ap, ao, src, offs, oo, col0, c, co, ldc, acc);
    }
  }

  /** C[MR×4·L] (+)= Apanel[MR×kc] · B rows src[offs[oo+p] + col0 ..] (4 vectors each). */
  private static void kernel4(int kc, float[] ap, int ao, float[] src, int[] offs, int oo,
      int col0, float[] c, int co, int ldc, boolean acc) {
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
      int bi = offs[oo + p] + col0;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, src, bi);
      FloatVector b1 = FloatVector.fromArray(S, src, bi + 1 * L);
      FloatVector b2 = FloatVector.fromArray(S, src, bi + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, src, bi + 3 * L);
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
    if (acc) {
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
    } else {
      int r0 = co + 0 * ldc;
      c00.intoArray(c, r0);
      c01.intoArray(c, r0 + 1 * L);
      c02.intoArray(c, r0 + 2 * L);
      c03.intoArray(c, r0 + 3 * L);
      int r1 = co + 1 * ldc;
      c10.intoArray(c, r1);
      c11.intoArray(c, r1 + 1 * L);
      c12.intoArray(c, r1 + 2 * L);
      c13.intoArray(c, r1 + 3 * L);
      int r2 = co + 2 * ldc;
      c20.intoArray(c, r2);
      c21.intoArray(c, r2 + 1 * L);
      c22.intoArray(c, r2 + 2 * L);
      c23.intoArray(c, r2 + 3 * L);
      int r3 = co + 3 * ldc;
      c30.intoArray(c, r3);
      c31.intoArray(c, r3 + 1 * L);
      c32.intoArray(c, r3 + 2 * L);
      c33.intoArray(c, r3 + 3 * L);
      int r4 = co + 4 * ldc;
      c40.intoArray(c, r4);
      c41.intoArray(c, r4 + 1 * L);
      c42.intoArray(c, r4 + 2 * L);
      c43.intoArray(c, r4 + 3 * L);
      int r5 = co + 5 * ldc;
      c50.intoArray(c, r5);
      c51.intoArray(c, r5 + 1 * L);
      c52.intoArray(c, r5 + 2 * L);
      c53.intoArray(c, r5 + 3 * L);
    }
  }

  /** C[MR×3·L] (+)= Apanel[MR×kc] · B rows src[offs[oo+p] + col0 ..] (3 vectors each). */
  private static void kernel3(int kc, float[] ap, int ao, float[] src, int[] offs, int oo,
      int col0, float[] c, int co, int ldc, boolean acc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c02 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c12 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c22 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c32 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c42 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    FloatVector c52 = FloatVector.zero(S);
    FloatVector a;
    // main loop
    for (int p = 0; p < kc; p++) {
      int bi = offs[oo + p] + col0;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, src, bi);
      FloatVector b1 = FloatVector.fromArray(S, src, bi + 1 * L);
      FloatVector b2 = FloatVector.fromArray(S, src, bi + 2 * L);
      a = FloatVector.broadcast(S, ap[ai + 0]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      c02 = a.fma(b2, c02);
      a = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      c12 = a.fma(b2, c12);
      a = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      c22 = a.fma(b2, c22);
      a = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      c32 = a.fma(b2, c32);
      a = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      c42 = a.fma(b2, c42);
      a = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      c52 = a.fma(b2, c52);
    }
    if (acc) {
      int r0 = co + 0 * ldc;
      FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
      FloatVector.fromArray(S, c, r0 + 1 * L).add(c01).intoArray(c, r0 + 1 * L);
      FloatVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
      int r1 = co + 1 * ldc;
      FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
      FloatVector.fromArray(S, c, r1 + 1 * L).add(c11).intoArray(c, r1 + 1 * L);
      FloatVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
      int r2 = co + 2 * ldc;
      FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
      FloatVector.fromArray(S, c, r2 + 1 * L).add(c21).intoArray(c, r2 + 1 * L);
      FloatVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
      int r3 = co + 3 * ldc;
      FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
      FloatVector.fromArray(S, c, r3 + 1 * L).add(c31).intoArray(c, r3 + 1 * L);
      FloatVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
      int r4 = co + 4 * ldc;
      FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
      FloatVector.fromArray(S, c, r4 + 1 * L).add(c41).intoArray(c, r4 + 1 * L);
      FloatVector.fromArray(S, c, r4 + 2 * L).add(c42).intoArray(c, r4 + 2 * L);
      int r5 = co + 5 * ldc;
      FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
      FloatVector.fromArray(S, c, r5 + 1 * L).add(c51).intoArray(c, r5 + 1 * L);
      FloatVector.fromArray(S, c, r5 + 2 * L).add(c52).intoArray(c, r5 + 2 * L);
    } else {
      int r0 = co + 0 * ldc;
      c00.intoArray(c, r0);
      c01.intoArray(c, r0 + 1 * L);
      c02.intoArray(c, r0 + 2 * L);
      int r1 = co + 1 * ldc;
      c10.intoArray(c, r1);
      c11.intoArray(c, r1 + 1 * L);
      c12.intoArray(c, r1 + 2 * L);
      int r2 = co + 2 * ldc;
      c20.intoArray(c, r2);
      c21.intoArray(c, r2 + 1 * L);
      c22.intoArray(c, r2 + 2 * L);
      int r3 = co + 3 * ldc;
      c30.intoArray(c, r3);
      c31.intoArray(c, r3 + 1 * L);
      c32.intoArray(c, r3 + 2 * L);
      int r4 = co + 4 * ldc;
      c40.intoArray(c, r4);
      c41.intoArray(c, r4 + 1 * L);
      c42.intoArray(c, r4 + 2 * L);
      int r5 = co + 5 * ldc;
      c50.intoArray(c, r5);
      c51.intoArray(c, r5 + 1 * L);
      c52.intoArray(c, r5 + 2 * L);
    }
  }

  /** C[MR×2·L] (+)= Apanel[MR×kc] · B rows src[offs[oo+p] + col0 ..] (2 vectors each). */
  private static void kernel2(int kc, float[] ap, int ao, float[] src, int[] offs, int oo,
      int col0, float[] c, int co, int ldc, boolean acc) {
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
      int bi = offs[oo + p] + col0;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, src, bi);
      FloatVector b1 = FloatVector.fromArray(S, src, bi + 1 * L);
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
    if (acc) {
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
    } else {
      int r0 = co + 0 * ldc;
      c00.intoArray(c, r0);
      c01.intoArray(c, r0 + 1 * L);
      int r1 = co + 1 * ldc;
      c10.intoArray(c, r1);
      c11.intoArray(c, r1 + 1 * L);
      int r2 = co + 2 * ldc;
      c20.intoArray(c, r2);
      c21.intoArray(c, r2 + 1 * L);
      int r3 = co + 3 * ldc;
      c30.intoArray(c, r3);
      c31.intoArray(c, r3 + 1 * L);
      int r4 = co + 4 * ldc;
      c40.intoArray(c, r4);
      c41.intoArray(c, r4 + 1 * L);
      int r5 = co + 5 * ldc;
      c50.intoArray(c, r5);
      c51.intoArray(c, r5 + 1 * L);
    }
  }

  /** C[MR×1·L] (+)= Apanel[MR×kc] · B rows src[offs[oo+p] + col0 ..] (1 vectors each). */
  private static void kernel1(int kc, float[] ap, int ao, float[] src, int[] offs, int oo,
      int col0, float[] c, int co, int ldc, boolean acc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector a;
    // main loop
    for (int p = 0; p < kc; p++) {
      int bi = offs[oo + p] + col0;
      int ai = ao + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, src, bi);
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
    if (acc) {
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
    } else {
      int r0 = co + 0 * ldc;
      c00.intoArray(c, r0);
      int r1 = co + 1 * ldc;
      c10.intoArray(c, r1);
      int r2 = co + 2 * ldc;
      c20.intoArray(c, r2);
      int r3 = co + 3 * ldc;
      c30.intoArray(c, r3);
      int r4 = co + 4 * ldc;
      c40.intoArray(c, r4);
      int r5 = co + 5 * ldc;
      c50.intoArray(c, r5);
    }
  }
}
