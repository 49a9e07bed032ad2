package dev.vireo.kernel.misc;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Float16;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.Arrays;

/**
 * Det: the determinant of each square matrix in the last two axes of [*, M, M], giving [*], by
 * LU decomposition with partial pivoting in double. f32, f64, f16 and (opset 22) bf16.
 */
public final class DetKernel implements Kernel {
  DetKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] inputs, ExecContext ctx) {
    Tensor x = inputs[0];
    Shape s = x.shape();
    int r = s.rank();
    if (r < 2 || s.dim(r - 1) != s.dim(r - 2)) {
      throw new IllegalArgumentException("Det: input must be [*, M, M], got " + x.describe());
    }
    int m = s.dim(r - 1);
    Shape os = Shape.of(Arrays.copyOf(s.dims(), r - 2));
    Tensor out = ctx.allocate(x.dtype(), os);
    double[] a = new double[m * m];
    for (int b = 0; b < os.size(); b++) {
      for (int k = 0; k < a.length; k++) {
        a[k] = x.getDouble(b * m * m + k);
      }
      double det = determinant(a, m);
      switch (x.dtype()) {
        case DOUBLE -> out.doubles()[b] = det;
        case FLOAT -> out.floats()[b] = (float) det;
        case FLOAT16 -> out.shorts()[b] = Float16.floatToHalf((float) det);
        case BFLOAT16 -> out.shorts()[b] = Float16.floatToBfloat16((float) det);
        default -> throw new IllegalArgumentException("Det: expected a float tensor, got " + x.describe());
      }
    }
    return new Tensor[] {out};
  }

  /** Destroys {@code a} (row-major m×m). */
  static double determinant(double[] a, int m) {
    double det = 1;
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int i = c + 1; i < m; i++) {
        if (Math.abs(a[i * m + c]) > Math.abs(a[p * m + c])) {
          p = i;
        }
      }
      if (a[p * m + c] == 0) {
        return 0;
      }
      if (p != c) {
        for (int j = 0; j < m; j++) {
          double t = a[c * m + j];
          a[c * m + j] = a[p * m + j];
          a[p * m + j] = t;
        }
        det = -det;
      }
      double pivot = a[c * m + c];
      det *= pivot;
      for (int i = c + 1; i < m; i++) {
        double f = a[i * m + c] / pivot;
        for (int j = c + 1; j < m; j++) {
          a[i * m + j] -= f * a[c * m + j];
        }
      }
    }
    return det;
  }
}
