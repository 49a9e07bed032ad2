package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * MatMulInteger: {@code (A - a_zero_point) x (B - b_zero_point)} in exact int32, for uint8/int8
 * operands; zero points are scalars, or per row of A / per column of B (see {@link IntMatMul}).
 */
public final class MatMulIntegerKernel implements Kernel {
  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor aZp = in.length > 2 ? in[2] : null;
    Tensor bZp = in.length > 3 ? in[3] : null;
    return new Tensor[] {IntMatMul.multiply("MatMulInteger", in[0], aZp, in[1], bZp, ctx)};
  }
}
