package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Tensor;

/**
 * ScatterND: a copy of data where the slice addressed by each index tuple is replaced by (or,
 * with {@code reduction}, combined with) the matching slice of updates, in tuple order. Updates
 * have dims indices.shape[:-1] + data.shape[m:]. Reductions add/mul from opset 16, max/min from
 * 18.
 */
public final class ScatterNdKernel implements Kernel {
  private final Reduction reduction;

  public ScatterNdKernel(Node n) {
    reduction = Reduction.parse("ScatterND", n.attrString("reduction", "none"), n.opset());
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor data = in[0];
    Tensor upd = in[2];
    NdAddress a = NdAddress.of(data.shape(), in[1], 0, "ScatterND");
    if (upd.size() != a.starts().length * a.slice() || upd.dtype() != data.dtype()) {
      throw new IllegalArgumentException("ScatterND: updates " + upd.describe() + " do not fit indices "
          + in[1].describe() + " into data " + data.describe());
    }
    Tensor out = ctx.allocate(data.dtype(), data.shape());
    System.arraycopy(data.data(), 0, out.data(), 0, data.size());
    reduction.apply(data.dtype(), upd.data(), a.elementMap(), out.data());
    return new Tensor[] {out};
  }
}
