package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Int8Panels;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * MatMulInteger: {@code (A - a_zero_point) x (B - b_zero_point)} in exact int32, for uint8/int8
 * operands; zero points are scalars, or per row of A / per column of B (see {@link IntMatMul}).
 * A 2-D B with a scalar A zero point takes the packed int8 GEMM ({@link QuantGemm}), B packed
 * once at plan time when it is an initializer.
 */
public final class MatMulIntegerKernel implements Kernel {
  private final Int8Panels packed;

  public MatMulIntegerKernel(Node node) {
    this.packed = QuantGemm.packConstant(node, 1, 3);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor a = in[0];
    Tensor aZp = in.length > 2 ? in[2] : null;
    Tensor bZp = in.length > 3 ? in[3] : null;
    Integer za = QuantGemm.scalarZeroPoint(aZp);
    Int8Panels w = packed;
    if (w == null && za != null) {
      w = QuantGemm.pack(in[1], bZp);
    }
    if (w == null || za == null || a.rank() == 0 || a.shape().dim(a.rank() - 1) != w.k()
        || (aZp != null && aZp.dtype() != a.dtype())) {
      return new Tensor[] {IntMatMul.multiply("MatMulInteger", a, aZp, in[1], bZp, ctx)};
    }
    int n = w.n();
    int rows = a.size() / w.k();
    Tensor out = ctx.allocateUninitialized(DType.INT32, Shape.of(QuantGemm.outDims(a, n)));
    int[] ca = QuantGemm.center(a, za);
    if (n == w.paddedN()) {
      QuantGemm.multiply(ca, rows, w, out.ints(), n, ctx);
    } else {
      int ldc = w.paddedN();
      int[] c = QuantGemm.buffer(1, rows * ldc);
      QuantGemm.multiply(ca, rows, w, c, ldc, ctx);
      int[] o = out.ints();
      for (int i = 0; i < rows; i++) {
        System.arraycopy(c, i * ldc, o, i * n, n);
      }
    }
    return new Tensor[] {out};
  }
}
