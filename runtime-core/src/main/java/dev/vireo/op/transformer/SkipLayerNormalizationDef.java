package dev.vireo.op.transformer;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * com.microsoft SkipLayerNormalization: inputs input and skip (2-D or 3-D, hidden last), gamma,
 * optional beta and bias (1-D, hidden). Outputs: output (input's type and shape), optional mean
 * and inv_std_var (f32, input's leading dims then 1) and input_skip_bias_sum (input's type and
 * shape).
 */
public final class SkipLayerNormalizationDef implements OpDef {
  @Override
  public String domain() {
    return TransformerOps.MS_DOMAIN;
  }

  @Override
  public String opType() {
    return "SkipLayerNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() != 2 && x.rank() != 3) {
      throw new IllegalArgumentException("SkipLayerNormalization: input must be 2-D or 3-D, got " + x);
    }
    if (!ctx.hasInput(2)) {
      throw new IllegalArgumentException("SkipLayerNormalization: gamma (input 2) is required");
    }
    for (int i = 2; i <= 4; i++) {
      TensorType p = ctx.hasInput(i) ? ctx.tensor(i) : null;
      if (p != null && p.hasRank() && p.rank() != 1) {
        throw new IllegalArgumentException("SkipLayerNormalization: input " + i + " must be 1-D, got " + p);
      }
    }
    if (!x.hasRank()) {
      TensorType stat = TensorType.unknownShape(DType.FLOAT);
      return List.of(x, stat, stat, x);
    }
    List<Dim> stat = new ArrayList<>(x.dims().subList(0, x.rank() - 1));
    stat.add(Dim.of(1));
    TensorType s = new TensorType(DType.FLOAT, stat);
    return List.of(x, s, s, x);
  }
}
