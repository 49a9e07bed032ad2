package dev.vireo.kernel.quantcontrib;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * com.microsoft QLinearConcat: inputs Y_scale, Y_zero_point, then triples (X, X_scale,
 * X_zero_point); attribute axis. Each X whose scale and zero point equal Y's is copied; the
 * others are requantized through a 256-entry table as onnxruntime does ({@code x_scale·(q -
 * x_zp)} in float32, divided by y_scale, rounded half to even, plus y_zp, saturated).
 */
public final class QLinearConcatKernel implements Kernel {
  private static final String OP = "QLinearConcat";
  private final long axis;

  public QLinearConcatKernel(Node node) {
    if (!node.hasAttr("axis")) {
      throw new IllegalArgumentException(OP + " needs attribute axis");
    }
    this.axis = node.attrInt("axis", 0);
    if ((node.inputs().size() - 2) % 3 != 0 || node.inputs().size() < 5) {
      throw new IllegalArgumentException(OP + " needs Y_scale, Y_zero_point and triples (X, scale,"
          + " zero point), got " + node.inputs().size() + " inputs");
    }
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    int count = (in.length - 2) / 3;
    Tensor first = in[2];
    DType t = first.dtype();
    float ys = QParams.scale(OP, "Y_scale", in[0]);
    int yz = QParams.zeroPoint(OP, "Y_zero_point", in[1], t);
    int rank = first.rank();
    int ax = (int) (axis < 0 ? axis + rank : axis);
    if (ax < 0 || ax >= rank) {
      throw new IllegalArgumentException(OP + ": axis " + axis + " is out of range for rank " + rank);
    }
    int[] dims = first.shape().dims().clone();
    dims[ax] = 0;
    for (int i = 0; i < count; i++) {
      Tensor x = in[2 + 3 * i];
      int[] d = x.shape().dims();
      boolean fits = x.dtype() == t && d.length == rank;
      for (int k = 0; k < rank && fits; k++) {
        fits = k == ax || d[k] == first.shape().dim(k);
      }
      if (!fits) {
        throw new IllegalArgumentException(OP + ": input " + i + " " + x.describe()
            + " does not fit " + first.describe() + " along axis " + ax);
      }
      dims[ax] += d[ax];
    }
    Tensor out = ctx.allocateUninitialized(t, Shape.of(dims));
    int outer = 1;
    for (int k = 0; k < ax; k++) {
      outer *= dims[k];
    }
    int innerAll = out.size() / Math.max(1, outer);
    byte[] o = out.bytes();
    int colStart = 0;
    for (int i = 0; i < count; i++) {
      Tensor x = in[2 + 3 * i];
      float xs = QParams.scale(OP, "scale of input " + i, in[3 + 3 * i]);
      int xz = QParams.zeroPoint(OP, "zero point of input " + i, in[4 + 3 * i], t);
      byte[] table = xs == ys && xz == yz ? null
          : QParams.table(q -> xs * (float) (q - xz), v -> v, ys, yz, t);
      int inner = x.size() / Math.max(1, outer);
      byte[] src = x.bytes();
      for (int r = 0; r < outer; r++) {
        int so = r * inner;
        int dst = r * innerAll + colStart;
        if (table == null) {
          System.arraycopy(src, so, o, dst, inner);
        } else {
          for (int j = 0; j < inner; j++) {
            o[dst + j] = table[src[so + j] & 0xFF];
          }
        }
      }
      colStart += inner;
    }
    return new Tensor[] {out};
  }
}
