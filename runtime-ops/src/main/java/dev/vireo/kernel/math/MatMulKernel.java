package dev.vireo.kernel.math;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.Sgemm;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * MatMul with numpy semantics: 1-D operands are promoted to a matrix (a leading or trailing 1)
 * which is removed from the result; leading batch dims broadcast. f32 (f16/bf16 via f32), f64,
 * i32 and i64 (wrapping).
 *
 * <p>When B has no batch dims, A's batch dims are folded into its rows, so a [B,S,K] x [K,N]
 * product is one [B·S,K] x [K,N] matrix product.
 */
public final class MatMulKernel implements Kernel {
  /** Multiply-adds per parallel chunk. */
  private static final int GRAIN = 1 << 15;

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException("element types differ: A " + a.describe() + " x B " + b.describe());
    }
    DType t = a.dtype();
    if (t == DType.FLOAT16 || t == DType.BFLOAT16) {
      Tensor r = multiply(HalfFloats.widen(a), HalfFloats.widen(b), a, b, ctx);
      return new Tensor[] {HalfFloats.narrow(ctx, r, t)};
    }
    return new Tensor[] {multiply(a, b, a, b, ctx)};
  }

  private static Tensor multiply(Tensor a, Tensor b, Tensor origA, Tensor origB, ExecContext ctx) {
    int[] ad = a.shape().dims();
    int[] bd = b.shape().dims();
    if (ad.length == 0 || bd.length == 0) {
      throw new IllegalArgumentException("MatMul needs operands of rank >= 1: A " + origA.describe()
          + " x B " + origB.describe());
    }
    boolean aVec = ad.length == 1;
    boolean bVec = bd.length == 1;
    int[] am = aVec ? new int[] {1, ad[0]} : ad;
    int[] bm = bVec ? new int[] {bd[0], 1} : bd;
    int m = am[am.length - 2];
    int k = am[am.length - 1];
    int n = bm[bm.length - 1];
    if (bm[bm.length - 2] != k) {
      throw new IllegalArgumentException("inner dimensions differ: A " + origA.describe() + " x B "
          + origB.describe());
    }
    int[] aBatch = Arrays.copyOf(am, am.length - 2);
    int[] bBatch = Arrays.copyOf(bm, bm.length - 2);
    int[] batch;
    try {
      batch = Broadcast.shape(aBatch, bBatch);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("batch dimensions do not broadcast: A " + origA.describe()
          + " x B " + origB.describe(), e);
    }
    int[] outDims = new int[batch.length + (aVec ? 0 : 1) + (bVec ? 0 : 1)];
    System.arraycopy(batch, 0, outDims, 0, batch.length);
    int p = batch.length;
    if (!aVec) {
      outDims[p++] = m;
    }
    if (!bVec) {
      outDims[p] = n;
    }
    Tensor out = ctx.allocate(a.dtype(), Shape.of(outDims));
    int batches = 1;
    for (int d : batch) {
      batches *= d;
    }
    if (out.size() == 0) {
      return out;
    }
    int[] aStr = Broadcast.strides(aBatch, batch);
    int[] bStr = Broadcast.strides(bBatch, batch);
    boolean foldA = bBatch.length == 0 || allZero(bStr);
    boolean aContiguous = Arrays.equals(aBatch, batch);
    if (foldA && aContiguous) {
      // every batch uses the same B: A's batches are just more rows
      m *= batches;
      batches = 1;
    }
    int rows = batches * m;
    int mm = m;
    int grain = Math.max(1, GRAIN / Math.max(1, n * Math.max(1, k)));
    Object x = a.data();
    Object y = b.data();
    Object o = out.data();
    int kk = k;
    ctx.parallelFor(rows, grain, (from, to) -> {
      int r = from;
      while (r < to) {
        int bi = r / mm;
        int i0 = r - bi * mm;
        int cnt = Math.min(mm - i0, to - r);
        int aOff = offset(bi, batch, aStr) * mm * kk + i0 * kk;
        int bOff = offset(bi, batch, bStr) * kk * n;
        int oOff = (bi * mm + i0) * n;
        gemm(x, aOff, y, bOff, o, oOff, cnt, n, kk);
        r += cnt;
      }
    });
    return out;
  }

  private static void gemm(Object a, int aOff, Object b, int bOff, Object c, int cOff, int m, int n, int k) {
    switch (a) {
      case float[] x -> Sgemm.sgemm(false, false, m, n, k, 1f, x, aOff, k, (float[]) b, bOff, n, 0f,
          (float[]) c, cOff, n);
      case double[] x -> Sgemm.dgemm(m, n, k, x, aOff, k, (double[]) b, bOff, n, (double[]) c, cOff, n);
      case int[] x -> Sgemm.igemm(m, n, k, x, aOff, k, (int[]) b, bOff, n, (int[]) c, cOff, n);
      case long[] x -> Sgemm.lgemm(m, n, k, x, aOff, k, (long[]) b, bOff, n, (long[]) c, cOff, n);
      default -> throw new IllegalArgumentException("MatMul: unsupported element type");
    }
  }

  /** The matrix index in an input of output batch bi, given the input's broadcast strides. */
  private static int offset(int bi, int[] batch, int[] strides) {
    int off = 0;
    for (int d = batch.length - 1; d >= 0; d--) {
      int q = bi / batch[d];
      off += (bi - q * batch[d]) * strides[d];
      bi = q;
    }
    return off;
  }

  private static boolean allZero(int[] s) {
    for (int v : s) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
