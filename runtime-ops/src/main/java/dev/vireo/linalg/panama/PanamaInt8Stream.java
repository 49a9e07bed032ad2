package dev.vireo.linalg.panama;

import static dev.vireo.linalg.panama.PanamaInt8Gemm.BYTES;
import static dev.vireo.linalg.panama.PanamaInt8Gemm.F;
import static dev.vireo.linalg.panama.PanamaInt8Gemm.I;
import static dev.vireo.linalg.panama.PanamaInt8Gemm.L;
import static dev.vireo.linalg.panama.PanamaInt8Gemm.NR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The few-row micro-kernels of {@link PanamaInt8Gemm}: each k step loads one row of a byte
 * panel ({@code NR} weights), widens it to float once and multiplies it into every row of the
 * group, so the weights are read once per group as bytes. A block is at most {@link
 * PanamaInt8Gemm#KB} deep, which keeps its float sums exact; they are converted to int and added
 * to C at its end.
 */
final class PanamaInt8Stream {
  private PanamaInt8Stream() {}

  /** C[4×NR] += A rows (float, stride lda) · a kb-deep block of a byte panel widened per load. */
  static void stream4(float[] a, int ao, int lda, byte[] w, int wo, int kb, int[] c, int co,
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
    // main loop
    for (int p = 0; p < kb; p++) {
      int bo = wo + p * NR;
      FloatVector b0 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b1 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 1 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b2 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 2 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b3 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 3 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector x0 = FloatVector.broadcast(F, a[ao + p]);
      c00 = b0.fma(x0, c00);
      c01 = b1.fma(x0, c01);
      c02 = b2.fma(x0, c02);
      c03 = b3.fma(x0, c03);
      FloatVector x1 = FloatVector.broadcast(F, a[ao + 1 * lda + p]);
      c10 = b0.fma(x1, c10);
      c11 = b1.fma(x1, c11);
      c12 = b2.fma(x1, c12);
      c13 = b3.fma(x1, c13);
      FloatVector x2 = FloatVector.broadcast(F, a[ao + 2 * lda + p]);
      c20 = b0.fma(x2, c20);
      c21 = b1.fma(x2, c21);
      c22 = b2.fma(x2, c22);
      c23 = b3.fma(x2, c23);
      FloatVector x3 = FloatVector.broadcast(F, a[ao + 3 * lda + p]);
      c30 = b0.fma(x3, c30);
      c31 = b1.fma(x3, c31);
      c32 = b2.fma(x3, c32);
      c33 = b3.fma(x3, c33);
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
  }

  /** C[1×NR] += A rows (float, stride lda) · a kb-deep block of a byte panel widened per load. */
  static void stream1(float[] a, int ao, int lda, byte[] w, int wo, int kb, int[] c, int co,
      int ldc) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c02 = FloatVector.zero(F);
    FloatVector c03 = FloatVector.zero(F);
    // main loop
    for (int p = 0; p < kb; p++) {
      int bo = wo + p * NR;
      FloatVector b0 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b1 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 1 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b2 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 2 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector b3 =
          (FloatVector) ByteVector.fromArray(BYTES, w, bo + 3 * L).convertShape(VectorOperators.B2F, F, 0);
      FloatVector x0 = FloatVector.broadcast(F, a[ao + p]);
      c00 = b0.fma(x0, c00);
      c01 = b1.fma(x0, c01);
      c02 = b2.fma(x0, c02);
      c03 = b3.fma(x0, c03);
    }
    IntVector.fromArray(I, c, co)
        .add((IntVector) c00.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co);
    IntVector.fromArray(I, c, co + 1 * L)
        .add((IntVector) c01.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 1 * L);
    IntVector.fromArray(I, c, co + 2 * L)
        .add((IntVector) c02.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 2 * L);
    IntVector.fromArray(I, c, co + 3 * L)
        .add((IntVector) c03.convertShape(VectorOperators.F2I, I, 0)).intoArray(c, co + 3 * L);
  }
}
