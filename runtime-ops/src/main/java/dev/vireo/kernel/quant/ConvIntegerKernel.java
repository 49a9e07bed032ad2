package dev.vireo.kernel.quant;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * ConvInteger: {@code (x - x_zero_point) * (w - w_zero_point)} convolved in exact int32 (see
 * {@link IntConv}); Conv's attributes.
 */
public final class ConvIntegerKernel implements Kernel {
  private final Node node;

  public ConvIntegerKernel(Node n) {
    node = n;
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor xZp = in.length > 2 ? in[2] : null;
    Tensor wZp = in.length > 3 ? in[3] : null;
    return new Tensor[] {IntConv.convolve("ConvInteger", node, in[0], xZp, in[1], wZp, ctx)};
  }
}
