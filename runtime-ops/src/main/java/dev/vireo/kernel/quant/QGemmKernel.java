package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Broadcast;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QGemm: inputs A, a_scale, a_zero_point, B, b_scale, b_zero_point, C, y_scale,
 * y_zero_point (C and y's parameters optional); attributes alpha, transA, transB. As
 * onnxruntime: {@code acc = C + (A - a_zp)(B - b_zp)} exactly in int32 (C broadcast to M×N),
 * {@code s[j] = alpha·a_scale·b_scale[j]}, divided by y_scale when given; Y is then
 * {@code saturate(round_half_even(acc·s[j]) + y_zp)} in y_zero_point's type when y_zero_point
 * is given, else float {@code acc·s[j]}. B's scale and zero point are scalars or one per column.
 */
public final class QGemmKernel implements Kernel {
  private static final String OP = "QGemm";
  private final float alpha;
  private final boolean transA;
  private final boolean transB;
  private final Int8Panels packed;

  public QGemmKernel(Node node) {
    this.alpha = node.attrFloat("alpha", 1f);
    this.transA = node.attrInt("transA", 0) != 0;
    this.transB = node.attrInt("transB", 0) != 0;
    Value bv = node.inputs().size() > 3 ? node.input(3) : null;
    Value zv = node.inputs().size() > 5 ? node.input(5) : null;
    Int8Panels p = null;
    if (bv != null && bv.initializer() != null && zv != null && zv.initializer() != null) {
      p = QuantGemm.pack(orient(bv.initializer()), zv.initializer());
    }
    this.packed = p;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    Tensor b = in[3];
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException(OP + " needs 2-D A and B, got A " + a.describe() + ", B "
          + b.describe());
    }
    int m = transA ? a.shape().dim(1) : a.shape().dim(0);
    int k = transA ? a.shape().dim(0) : a.shape().dim(1);
    int n = transB ? b.shape().dim(0) : b.shape().dim(1);
    int kb = transB ? b.shape().dim(1) : b.shape().dim(0);
    if (k != kb) {
      throw new IllegalArgumentException(OP + ": inner dimensions differ: A " + a.describe()
          + (transA ? "ᵀ" : "") + " x B " + b.describe() + (transB ? "ᵀ" : ""));
    }
    float aScale = scalar(in[1], "a_scale");
    Integer aZp = QuantGemm.scalarZeroPoint(in[2]);
    if (aZp == null || in[2].dtype() != a.dtype()) {
      throw new IllegalArgumentException(OP + ": a_zero_point " + in[2].describe()
          + " must be a scalar of A's type " + a.dtype());
    }
    Tensor bScale = in[4];
    Tensor bZp = in[5];
    if (bScale.size() != bZp.size() || (bScale.size() != 1 && bScale.size() != n)) {
      throw new IllegalArgumentException(OP + ": b_scale " + bScale.describe() + " and b_zero_point "
          + bZp.describe() + " must both be scalars or both have " + n + " elements");
    }
    Tensor c = in.length > 6 ? in[6] : null;
    Tensor yScale = in.length > 7 ? in[7] : null;
    Tensor yZp = in.length > 8 ? in[8] : null;
    Int8Panels w = packed != null ? packed : QuantGemm.pack(orient(b), bZp);
    if (w == null) {
      throw new IllegalArgumentException(OP + ": B " + b.describe() + " and b_zero_point "
          + bZp.describe() + " must be 8-bit of one type");
    }
    Tensor aa = transA ? transpose(a) : a;
    int[] centered = QuantGemm.center(aa, aZp);
    int ldc = w.paddedN();
    int[] acc = QuantGemm.buffer(1, m * ldc);
    QuantGemm.multiply(centered, m, w, acc, ldc, ctx);
    if (c != null) {
      addBias(c, m, n, acc, ldc);
    }
    float[] s = new float[bScale.size()];
    for (int j = 0; j < s.length; j++) {
      s[j] = alpha * aScale * bScale.floats()[j];
      if (yScale != null) {
        s[j] /= scalar(yScale, "y_scale");
      }
    }
    if (yZp == null) {
      Tensor y = ctx.allocateUninitialized(DType.FLOAT, Shape.of(m, n));
      QuantGemm.scaleToFloat(acc, ldc, m, n, s, null, y.floats());
      return new Tensor[] {y};
    }
    DType yt = yZp.dtype();
    int z = (int) yZp.getLong(0);
    int lo = yt == DType.UINT8 ? 0 : -128;
    int hi = yt == DType.UINT8 ? 255 : 127;
    Tensor y = ctx.allocateUninitialized(yt, Shape.of(m, n));
    byte[] o = y.bytes();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float v = acc[i * ldc + j] * s[s.length == 1 ? 0 : j];
        o[i * n + j] = (byte) Math.clamp((long) Math.rint(v) + z, lo, hi);
      }
    }
    return new Tensor[] {y};
  }

  private void addBias(Tensor c, int m, int n, int[] acc, int ldc) {
    if (c.dtype() != DType.INT32) {
      throw new IllegalArgumentException(OP + ": C must be int32, got " + c.describe());
    }
    int[] st = Broadcast.strides(c.shape().dims(), new int[] {m, n});
    int[] cv = c.ints();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        acc[i * ldc + j] += cv[i * st[0] + j * st[1]];
      }
    }
  }

  /** B as K×N (transposed when transB). */
  private Tensor orient(Tensor b) {
    return transB && b.rank() == 2 ? transpose(b) : b;
  }

  private static Tensor transpose(Tensor t) {
    int r = t.shape().dim(0);
    int cols = t.shape().dim(1);
    byte[] s = t.bytes();
    byte[] d = new byte[r * cols];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < cols; j++) {
        d[j * r + i] = s[i * cols + j];
      }
    }
    return Tensor.wrap(t.dtype(), Shape.of(cols, r), d);
  }

  private static float scalar(Tensor t, String name) {
    if (t == null || t.size() != 1 || t.dtype() != DType.FLOAT) {
      throw new IllegalArgumentException(OP + ": " + name + " must be a float scalar, got "
          + (t == null ? "none" : t.describe()));
    }
    return t.floats()[0];
  }
}
