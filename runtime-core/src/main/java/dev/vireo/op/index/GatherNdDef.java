package dev.vireo.op.index;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * GatherND: data of rank r, indices of rank q whose last dim m is the tuple length; the output
 * is indices.shape[:-1] + data.shape[batch_dims + m:].
 */
public final class GatherNdDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "GatherND";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType data = ctx.tensor(0);
    TensorType idx = ctx.tensor(1);
    int b = (int) ctx.node().attrInt("batch_dims", 0);
    if (!data.hasRank() || !idx.hasRank() || idx.rank() < 1 || !idx.dims().get(idx.rank() - 1).isKnown()) {
      return List.of(TensorType.unknownShape(data.elemType()));
    }
    int q = idx.rank();
    int r = data.rank();
    int m = (int) idx.dims().get(q - 1).value();
    if (b < 0 || b >= Math.min(q, r) || b + m > r) {
      throw new IllegalArgumentException("GatherND: indices " + idx + " with batch_dims " + b + " do not fit data "
          + data);
    }
    List<Dim> out = new ArrayList<>(idx.dims().subList(0, q - 1));
    out.addAll(data.dims().subList(b + m, r));
    return List.of(new TensorType(data.elemType(), out));
  }
}
