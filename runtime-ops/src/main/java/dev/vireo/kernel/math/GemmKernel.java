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

/**
 * Gemm: {@code Y = alpha·op(A)·op(B) + beta·C} for 2-D A and B, with C broadcast to [M, N]
 * (unidirectionally). C is optional from opset 11; f32 (f16/bf16 via f32); f64 and the 32- and
 * 64-bit integers through {@link GemmExactTypes}. A floating-point B that is a constant
 * initializer is packed (transB applied) once when the kernel is created and read in place by
 * every run that gets that very tensor. Products are split across threads by {@link Sgemm}.
 */
public final class GemmKernel implements Kernel {
  private final float alpha;
  private final float beta;
  private final boolean transA;
  private final boolean transB;
  private final boolean cRequired;
  /** B's constant initializer when it was packed, else null. */
  private final Tensor weight;
  private final PackedMatrix packed;

  public GemmKernel(Node n) {
    alpha = n.attrFloat("alpha", 1f);
    beta = n.attrFloat("beta", 1f);
    transA = n.attrInt("transA", 0) != 0;
    transB = n.attrInt("transB", 0) != 0;
    // opset 11: C became optional
    cRequired = n.opset() < 11;
    Value bv = n.inputs().size() > 1 ? n.input(1) : null;
    Tensor w = bv == null ? null : bv.initializer();
    if (w != null && w.rank() == 2 && (w.dtype() == DType.FLOAT || w.dtype() == DType.FLOAT16
        || w.dtype() == DType.BFLOAT16)) {
      int k = transB ? w.shape().dim(1) : w.shape().dim(0);
      int cols = transB ? w.shape().dim(0) : w.shape().dim(1);
      weight = w;
      packed = Sgemm.packB(HalfFloats.widen(w).floats(), k, cols, transB);
    } else {
      weight = null;
      packed = null;
    }
  }

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor a0 = inputs[0];
    Tensor b0 = inputs[1];
    Tensor c0 = inputs.length > 2 ? inputs[2] : null;
    if (c0 == null && cRequired) {
      throw new IllegalArgumentException("Gemm before opset 11 needs input C");
    }
    if (a0.rank() != 2 || b0.rank() != 2) {
      throw new IllegalArgumentException("Gemm needs 2-D A and B: A " + a0.describe() + ", B " + b0.describe());
    }
    int m = transA ? a0.shape().dim(1) : a0.shape().dim(0);
    int k = transA ? a0.shape().dim(0) : a0.shape().dim(1);
    int kb = transB ? b0.shape().dim(1) : b0.shape().dim(0);
    int n = transB ? b0.shape().dim(0) : b0.shape().dim(1);
    if (k != kb) {
      throw new IllegalArgumentException("inner dimensions differ: A " + a0.describe()
          + (transA ? " (transposed)" : "") + " x B " + b0.describe() + (transB ? " (transposed)" : ""));
    }
    if (c0 != null) {
      checkC(c0, m, n, a0, b0);
    }
    if (GemmExactTypes.serves(a0.dtype())) {
      Tensor c = beta == 0f ? null : c0;
      return new Tensor[] {GemmExactTypes.run(a0, b0, c, transA, transB, alpha, beta, m, n, k, ctx)};
    }
    PackedMatrix pb = b0 == weight ? packed : null;
    Tensor a = HalfFloats.widen(a0);
    Tensor c = HalfFloats.widen(c0);
    Tensor y = ctx.allocateUninitialized(DType.FLOAT, Shape.of(m, n));
    float[] yd = y.floats();
    float effBeta = 0f;
    if (c != null && beta != 0f) {
      fillC(c, m, n, yd, c0, a0, b0);
      effBeta = beta;
    }
    float[] ad = a.floats();
    int lda = a.shape().dim(1);
    ParallelRange par = (count, grain, body) -> ctx.parallelFor(count, grain, body::run);
    if (pb != null) {
      Sgemm.sgemm(transA, m, alpha, ad, 0, lda, pb, effBeta, yd, 0, n, par);
    } else {
      Tensor b = HalfFloats.widen(b0);
      Sgemm.sgemm(transA, transB, m, n, k, alpha, ad, 0, lda, b.floats(), 0, b.shape().dim(1),
          effBeta, yd, 0, n, par);
    }
    return new Tensor[] {HalfFloats.narrow(ctx, y, a0.dtype())};
  }

  /** C must broadcast unidirectionally to [m, n]. */
  private static void checkC(Tensor c0, int m, int n, Tensor a0, Tensor b0) {
    int[] cd = c0.shape().dims();
    int[] target = {m, n};
    boolean ok = cd.length <= 2;
    for (int i = 0; ok && i < cd.length; i++) {
      int t = target[2 - cd.length + i];
      ok = cd[i] == t || cd[i] == 1;
    }
    if (!ok) {
      throw new IllegalArgumentException("C " + c0.describe() + " does not broadcast to [" + m + ","
          + n + "] (A " + a0.describe() + ", B " + b0.describe() + ")");
    }
  }

  private static void fillC(Tensor c, int m, int n, float[] y, Tensor c0, Tensor a0, Tensor b0) {
    int[] s = Broadcast.strides(c.shape().dims(), new int[] {m, n});
    float[] cv = c.floats();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        y[i * n + j] = cv[i * s[0] + j * s[1]];
      }
    }
  }
}
