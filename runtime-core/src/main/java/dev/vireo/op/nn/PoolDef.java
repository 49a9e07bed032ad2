package dev.vireo.op.nn;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * MaxPool and AveragePool: X [N, C, spatial...] to [N, C, out...] (sizes from {@link
 * WindowAttributes}); MaxPool's optional second output (indices) is int64 of the same shape.
 */
public final class PoolDef implements OpDef {
  private final String opType;

  public PoolDef(String opType) {
    this.opType = opType;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    long[] kernel = ctx.node().attrInts("kernel_shape", null);
    if (kernel == null) {
      throw new IllegalArgumentException(opType + " needs the kernel_shape attribute");
    }
    WindowAttributes win = WindowAttributes.read(ctx.node(), kernel);
    TensorType x = ctx.tensor(0);
    List<Dim> out = null;
    if (x.hasRank()) {
      if (x.rank() != kernel.length + 2) {
        throw new IllegalArgumentException(opType + ": X " + x + " does not fit kernel_shape of "
            + kernel.length + " spatial dims");
      }
      out = new ArrayList<>(x.dims().subList(0, 2));
      for (int i = 0; i < kernel.length; i++) {
        out.add(spatialOut(win, i, x.dims().get(i + 2)));
      }
    }
    return List.of(new TensorType(x.elemType(), out), new TensorType(DType.INT64, out));
  }

  /** The output size of spatial dim i: known when the input's is. */
  static Dim spatialOut(WindowAttributes win, int i, Dim in) {
    return in.isKnown() ? Dim.of(win.outDim(i, in.value())) : Dim.unknown();
  }
}
