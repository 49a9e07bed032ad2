package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft MatMulIntegerToFloat and DynamicQuantizeMatMul: an 8-bit matmul whose int32
 * result is scaled to float, {@code Y = (A - a_zp)(B - b_zp) · (a_scale·b_scale[j]) + bias[j]}
 * (float32, multiply then add), as onnxruntime computes it.
 *
 * <p>MatMulIntegerToFloat takes A, B, a_scale, b_scale, a_zero_point, b_zero_point, bias (the
 * last three optional); A's scale and zero point are per tensor. DynamicQuantizeMatMul takes
 * float A, B, b_scale, b_zero_point, bias and first quantizes A to uint8 as {@link
 * DynamicQuantization} does. B's scale and zero point are scalars or one per column. B is 2-D:
 * packed at plan time when constant; other Bs take the reference product.
 */
public final class MatMulIntegerToFloatKernel implements Kernel {
  private final boolean dynamic;
  private final String op;
  private final Int8Panels packed;

  private MatMulIntegerToFloatKernel(Node node, boolean dynamic) {
    this.dynamic = dynamic;
    this.op = dynamic ? "DynamicQuantizeMatMul" : "MatMulIntegerToFloat";
    this.packed = QuantGemm.packConstant(node, 1, dynamic ? 3 : 5);
  }

  public static MatMulIntegerToFloatKernel integerToFloat(Node node) {
    return new MatMulIntegerToFloatKernel(node, false);
  }

  public static MatMulIntegerToFloatKernel dynamicQuantize(Node node) {
    return new MatMulIntegerToFloatKernel(node, true);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    Tensor b = in[1];
    Tensor bScale = in[dynamic ? 2 : 3];
    Tensor bZp = input(in, dynamic ? 3 : 5);
    Tensor bias = input(in, dynamic ? 4 : 6);
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException(op + " needs operands of rank >= 1: A " + a.describe()
          + " x B " + b.describe());
    }
    int k = a.shape().dim(a.rank() - 1);
    int n = b.shape().dim(b.rank() - 1);
    float aScale;
    int aZp;
    int[] centered;
    if (dynamic) {
      float[] x = a.floats();
      DynamicQuantization.Params p = DynamicQuantization.of(x, a.size());
      aScale = p.scale();
      aZp = p.zeroPoint();
      centered = QuantGemm.buffer(0, a.size());
      DynamicQuantization.quantizeCentered(x, a.size(), p, centered);
    } else {
      aScale = scalar(in[2], "a_scale");
      Tensor aZpT = input(in, 4);
      if (aZpT != null && (aZpT.size() != 1 || aZpT.dtype() != a.dtype())) {
        throw new IllegalArgumentException(op + ": a_zero_point " + aZpT.describe()
            + " must be a scalar of A's type " + a.dtype());
      }
      aZp = aZpT == null ? 0 : (int) aZpT.getLong(0);
      centered = QuantGemm.center(a, aZp);
    }
    float[] scale = columnValues(bScale, n, "b_scale");
    for (int j = 0; j < scale.length; j++) {
      scale[j] = aScale * scale[j];
    }
    float[] biasValues = bias == null ? null : columnValues(bias, n, "bias");
    if (biasValues != null && biasValues.length != n) {
      throw new IllegalArgumentException(op + ": bias " + bias.describe() + " must have " + n + " elements");
    }
    Int8Panels w = packed != null ? packed : QuantGemm.pack(b, bZp);
    if (w == null || w.k() != k) {
      return new Tensor[] {reference(a, aZp, b, bZp, scale, biasValues, centered, ctx)};
    }
    int rows = a.size() / k;
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, Shape.of(QuantGemm.outDims(a, n)));
    int ldc = w.paddedN();
    int[] c = QuantGemm.buffer(1, rows * ldc);
    QuantGemm.multiply(centered, rows, w, c, ldc, ctx);
    QuantGemm.scaleToFloat(c, ldc, rows, n, scale, biasValues, out.floats());
    return new Tensor[] {out};
  }

  /** Batched or otherwise unpackable B: the plain integer product, then the same scaling. */
  private Tensor reference(Tensor a, int aZp, Tensor b, Tensor bZp, float[] scale, float[] bias,
      int[] centered, ExecContext ctx) {
    Tensor qa = a;
    if (dynamic) {
      byte[] q = new byte[a.size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = (byte) (centered[i] + aZp);
      }
      qa = Tensor.wrap(DType.UINT8, a.shape(), q);
    }
    Tensor zp = Tensor.wrap(qa.dtype(), Shape.SCALAR, new byte[] {(byte) aZp});
    Tensor p = IntMatMul.multiply(op, qa, zp, b, bZp, ctx);
    int n = b.shape().dim(b.rank() - 1);
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, p.shape());
    QuantGemm.scaleToFloat(p.ints(), n, p.size() / n, n, scale, bias, out.floats());
    return out;
  }

  private float scalar(Tensor t, String name) {
    if (t == null || t.size() != 1 || t.dtype() != DType.FLOAT) {
      throw new IllegalArgumentException(op + ": " + name + " must be a float scalar, got "
          + (t == null ? "none" : t.describe()));
    }
    return t.floats()[0];
  }

  /** A float scalar or one value per column, copied. */
  private float[] columnValues(Tensor t, int n, String name) {
    if (t == null || t.dtype() != DType.FLOAT || (t.size() != 1 && t.size() != n)) {
      throw new IllegalArgumentException(op + ": " + name + " must be a float scalar or have " + n
          + " elements, got " + (t == null ? "none" : t.describe()));
    }
    return java.util.Arrays.copyOf(t.floats(), t.size());
  }

  private static Tensor input(Tensor[] in, int i) {
    return in.length > i ? in[i] : null;
  }
}
