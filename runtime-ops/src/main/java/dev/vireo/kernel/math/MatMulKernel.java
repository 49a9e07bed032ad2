package dev.vireo.kernel.math;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.HalfFloats;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.PackedMatrix;
import dev.vireo.linalg.ParallelRange;
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
 * product is one [B·S,K] x [K,N] matrix product. A floating-point 2-D B that is a constant
 * initializer is packed once when the kernel is created and read in place by every run (as long
 * as the run gets that very tensor: a fed override is multiplied as given). f32 products are
 * split across threads by {@link Sgemm}; batched ones (attention's [B,H,S,D] x [B,H,D,S]) are
 * split across batch items, each a single-threaded product.
 */
public final class MatMulKernel implements Kernel {
  /** Multiply-adds per parallel chunk of the non-f32 types. */
  private static final int GRAIN = 1 << 15;
  /** Multiply-adds each thread must get before batch items are spread across threads. */
  private static final long MIN_BATCH_MACS = 1L << 18;

  /** B's constant initializer when it was packed, else null. */
  private final Tensor weight;
  private final PackedMatrix packed;

  /** A kernel without constant operands (every B multiplied as given). */
  public MatMulKernel() {
    weight = null;
    packed = null;
  }

  /** Packs input B when it is a 2-D floating-point constant initializer. */
  public MatMulKernel(Node node) {
    Value bv = node.inputs().size() > 1 ? node.input(1) : null;
    Tensor w = bv == null ? null : bv.initializer();
    if (w != null && w.rank() == 2 && (w.dtype() == DType.FLOAT || w.dtype() == DType.FLOAT16
        || w.dtype() == DType.BFLOAT16)) {
      weight = w;
      packed = Sgemm.packB(HalfFloats.widen(w).floats(), w.shape().dim(0), w.shape().dim(1), false);
    } else {
      weight = null;
      packed = null;
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException("element types differ: A " + a.describe() + " x B " + b.describe());
    }
    DType t = a.dtype();
    PackedMatrix pb = b == weight ? packed : null;
    if (t == DType.FLOAT16 || t == DType.BFLOAT16) {
      Tensor r = multiply(HalfFloats.widen(a), pb != null ? b : HalfFloats.widen(b), a, b, pb, ctx);
      return new Tensor[] {HalfFloats.narrow(ctx, r, t)};
    }
    return new Tensor[] {multiply(a, b, a, b, pb, ctx)};
  }

  /** @param pb B packed (then b's data is not read), or null */
  private static Tensor multiply(Tensor a, Tensor b, Tensor origA, Tensor origB, PackedMatrix pb,
      ExecContext ctx) {
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
    Tensor out = a.dtype() == DType.FLOAT
        ? ctx.allocateUninitialized(DType.FLOAT, Shape.of(outDims))
        : ctx.allocate(a.dtype(), Shape.of(outDims));
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
    if (a.dtype() == DType.FLOAT) {
      float[] bData = pb != null ? null : b.floats();
      multiplyFloat(a.floats(), bData, pb, out.floats(), batches, batch, aStr, bStr, m, n, k, ctx);
      return out;
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

  /**
   * f32 products: one (possibly threaded) product when there is a single batch, else batch items
   * spread across threads, each a single-threaded product.
   */
  private static void multiplyFloat(float[] a, float[] b, PackedMatrix pb, float[] c, int batches,
      int[] batch, int[] aStr, int[] bStr, int m, int n, int k, ExecContext ctx) {
    ParallelRange par = (count, grain, body) -> ctx.parallelFor(count, grain, body::run);
    if (batches == 1) {
      if (pb != null) {
        Sgemm.sgemm(false, m, 1f, a, 0, k, pb, 0f, c, 0, n, par);
      } else {
        Sgemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n, par);
      }
      return;
    }
    long perBatch = Math.max(1L, (long) m * n * Math.max(1, k));
    int grain = (int) Math.min(batches, (MIN_BATCH_MACS + perBatch - 1) / perBatch);
    boolean fewLargeItems = batches < 2 * ctx.threads() && perBatch >= 2 * MIN_BATCH_MACS;
    ParallelRange inner = fewLargeItems ? par : ParallelRange.SERIAL;
    ParallelRange outer = fewLargeItems ? ParallelRange.SERIAL : par;
    outer.forRange(batches, grain, (from, to) -> {
      for (int bi = from; bi < to; bi++) {
        int aOff = offset(bi, batch, aStr) * m * k;
        int cOff = bi * m * n;
        if (pb != null) {
          Sgemm.sgemm(false, m, 1f, a, aOff, k, pb, 0f, c, cOff, n, inner);
        } else {
          int bOff = offset(bi, batch, bStr) * k * n;
          Sgemm.sgemm(false, false, m, n, k, 1f, a, aOff, k, b, bOff, n, 0f, c, cOff, n, inner);
        }
      }
    });
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
