package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.linalg.Int8Panels;
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
    Tensor aZp = in.length > 2 ? in[2] : null;
    Tensor bZp = in.length > 3 ? in[3] : null;
    return new Tensor[] {QuantGemm.product("MatMulInteger", in[0], aZp, in[1], bZp, packed, ctx)};
  }
}
