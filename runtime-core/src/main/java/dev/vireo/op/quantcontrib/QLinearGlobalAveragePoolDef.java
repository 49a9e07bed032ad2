package dev.vireo.op.quantcontrib;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * com.microsoft QLinearGlobalAveragePool: X's type; spatial dims become 1 (X is [N, C, ...], or
 * [N, ..., C] with channels_last).
 */
public final class QLinearGlobalAveragePoolDef implements OpDef {
  private static final String OP = "QLinearGlobalAveragePool";

  @Override
  public String domain() {
    return QuantContribOps.DOMAIN;
  }

  @Override
  public String opType() {
    return OP;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (x.rank() < 3) {
      throw new IllegalArgumentException(OP + " needs X of rank >= 3, got " + x);
    }
    boolean last = ctx.node().attrInt("channels_last", 0) != 0;
    int c = last ? x.rank() - 1 : 1;
    List<Dim> dims = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      dims.add(i == 0 || i == c ? x.dims().get(i) : Dim.of(1));
    }
    return List.of(new TensorType(x.elemType(), dims));
  }
}
