package dev.vireo.op.convt;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.nn.WindowAttributes;
import java.util.ArrayList;
import java.util.List;

/** LpPool: [N, C, in...] to [N, C, out...] by the sliding-window rules of {@link WindowAttributes}. */
public final class LpPool implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "LpPool";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] k = ctx.node().attrInts("kernel_shape", null);
    if (k == null) {
      throw new IllegalArgumentException("LpPool: kernel_shape is required");
    }
    WindowAttributes w = WindowAttributes.read(ctx.node(), k);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (x.rank() != k.length + 2) {
      throw new IllegalArgumentException("LpPool: input " + x + " must have " + (k.length + 2)
          + " dims for a kernel of " + k.length);
    }
    List<Dim> out = new ArrayList<>(x.dims().subList(0, 2));
    for (int i = 0; i < k.length; i++) {
      long o = w.outDim(i, x.dims().get(i + 2).value());
      out.add(o < 0 ? Dim.unknown() : Dim.of(o));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
