package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/** Size: the input's element count as an int64 scalar. Any element type. */
public final class SizeKernel implements Kernel {
  public SizeKernel(Node n) {}

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor out = ctx.allocate(DType.INT64, Shape.SCALAR);
    out.longs()[0] = in[0].size();
    return new Tensor[] {out};
  }
}
