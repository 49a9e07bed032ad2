package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * dev.vireo MatMulIntegerRowScaled(A, B, a_scale, b_scale, a_zero_point, b_zero_point, bias):
 * {@code Y[r, j] = ((float) acc[r, j] · a_scale[r]) · b_scale[j] + bias[j]}, float32 with the two
 * products and the sum rounded in that order (what Cast, Mul by the row scale, Mul by B's scale
 * and Add of the bias give; without a bias, no sum), acc the exact
 * int32 product {@code (A - a_zp)(B - b_zp)}. The batch dims of A fold into rows; a_scale has one
 * value per row; b_scale is a scalar or one value per column; A's zero point is a scalar. B is
 * 2-D, packed at plan time when constant.
 */
public final class MatMulIntegerRowScaledKernel implements Kernel {
  private static final String OP = "MatMulIntegerRowScaled";
  private final Int8Panels packed;

  public MatMulIntegerRowScaledKernel(Node node) {
    this.packed = QuantGemm.packConstant(node, 1, 5);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    Tensor b = in[1];
    Tensor aScale = in[2];
    Tensor bScale = in[3];
    Tensor aZpT = in.length > 4 ? in[4] : null;
    Tensor bZp = in.length > 5 ? in[5] : null;
    Tensor bias = in.length > 6 ? in[6] : null;
    if (a.rank() == 0 || b.rank() != 2) {
      throw new IllegalArgumentException(OP + " needs A of rank >= 1 and a 2-D B: A " + a.describe()
          + " x B " + b.describe());
    }
    int k = a.shape().dim(a.rank() - 1);
    int n = b.shape().dim(1);
    int rows = k == 0 ? 0 : a.size() / k;
    if (aScale.dtype() != DType.FLOAT || aScale.size() != rows) {
      throw new IllegalArgumentException(OP + ": a_scale " + aScale.describe()
          + " must be float with one value per row (" + rows + ") of A " + a.describe());
    }
    if (bScale.dtype() != DType.FLOAT || (bScale.size() != 1 && bScale.size() != n)) {
      throw new IllegalArgumentException(OP + ": b_scale " + bScale.describe()
          + " must be a float scalar or have " + n + " elements");
    }
    if (aZpT != null && (aZpT.size() != 1 || aZpT.dtype() != a.dtype())) {
      throw new IllegalArgumentException(OP + ": a_zero_point " + aZpT.describe()
          + " must be a scalar of A's type " + a.dtype());
    }
    if (bias != null && (bias.dtype() != DType.FLOAT || bias.size() != n)) {
      throw new IllegalArgumentException(OP + ": bias " + bias.describe() + " must be float with " + n
          + " elements");
    }
    int aZp = aZpT == null ? 0 : (int) aZpT.getLong(0);
    Int8Panels w = packed != null ? packed : QuantGemm.pack(b, bZp);
    if (w == null || w.k() != k) {
      throw new IllegalArgumentException(OP + ": B " + b.describe() + " with zero point "
          + (bZp == null ? "none" : bZp.describe()) + " does not fit A " + a.describe());
    }
    Tensor out = ctx.allocateUninitialized(DType.FLOAT, Shape.of(QuantGemm.outDims(a, n)));
    int[] centered = QuantGemm.center(a, aZp);
    int ldc = w.paddedN();
    int[] c = QuantGemm.buffer(1, rows * ldc);
    QuantGemm.multiply(centered, rows, w, c, ldc, ctx);
    scale(c, ldc, rows, n, aScale.floats(), bScale.floats(), bias == null ? null : bias.floats(),
        out.floats());
    return new Tensor[] {out};
  }

  /** {@code out[r·n + j] = ((float) c[r·ldc + j] · rowScale[r]) · colScale[j or 0] (+ bias[j])}. */
  static void scale(int[] c, int ldc, int rows, int n, float[] rowScale, float[] colScale, float[] bias,
      float[] out) {
    boolean perColumn = colScale.length > 1;
    float s0 = colScale[0];
    for (int r = 0; r < rows; r++) {
      float rs = rowScale[r];
      int ci = r * ldc;
      int oi = r * n;
      if (perColumn) {
        for (int j = 0; j < n; j++) {
          out[oi + j] = ((float) c[ci + j] * rs) * colScale[j];
        }
      } else {
        for (int j = 0; j < n; j++) {
          out[oi + j] = ((float) c[ci + j] * rs) * s0;
        }
      }
      if (bias != null) {
        for (int j = 0; j < n; j++) {
          out[oi + j] += bias[j];
        }
      }
    }
  }
}
