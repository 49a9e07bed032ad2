package dev.vireo.kernel.index;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.Elements;
import dev.vireo.kernel.Kernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;

/**
 * GatherND: slices of data addressed by the index tuples on the last axis of indices; output dims
 * are indices.shape[:-1] + data.shape[batch_dims + m:]. {@code batch_dims} from opset 12. Any
 * element type.
 */
public final class GatherNdKernel implements Kernel {
  private final int batchDims;

  public GatherNdKernel(Node n) {
    // opset 12: batch_dims
    batchDims = (int) n.attrInt("batch_dims", 0);
  }

  @Override
  public Tensor[] run(Tensor[] in, ExecContext ctx) {
    Tensor data = in[0];
    Tensor idx = in[1];
    NdAddress a = NdAddress.of(data.shape(), idx, batchDims, "GatherND");
    int q = idx.rank();
    int r = data.rank();
    int[] od = new int[q - 1 + r - batchDims - a.depth()];
    for (int k = 0; k < q - 1; k++) {
      od[k] = idx.shape().dim(k);
    }
    for (int k = batchDims + a.depth(); k < r; k++) {
      od[q - 1 + k - batchDims - a.depth()] = data.shape().dim(k);
    }
    return new Tensor[] {Elements.gathered(ctx, data, Shape.of(od), a.elementMap())};
  }
}
