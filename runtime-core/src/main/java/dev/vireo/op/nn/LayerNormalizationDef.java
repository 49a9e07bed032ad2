package dev.vireo.op.nn;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * LayerNormalization: Y has X's type; Mean and InvStdDev (f32 unless stash_type says otherwise)
 * keep X's dims before {@code axis} and have 1 from it on.
 */
public final class LayerNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "LayerNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    DType stash = DType.fromOnnx((int) ctx.node().attrInt("stash_type", 1));
    if (!x.hasRank()) {
      return List.of(x, TensorType.unknownShape(stash), TensorType.unknownShape(stash));
    }
    int ax = Dims.axis("LayerNormalization", ctx.node().attrInt("axis", -1), x.rank(), x);
    List<Dim> stat = new ArrayList<>(x.dims().subList(0, ax));
    for (int i = ax; i < x.rank(); i++) {
      stat.add(Dim.of(1));
    }
    return List.of(x, new TensorType(stash, stat), new TensorType(stash, stat));
  }
}
