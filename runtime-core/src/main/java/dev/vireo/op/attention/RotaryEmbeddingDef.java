package dev.vireo.op.attention;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** RotaryEmbedding (opset 23): the output has the input's type and shape; the input is 3-D or 4-D. */
public final class RotaryEmbeddingDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "RotaryEmbedding";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() != 3 && x.rank() != 4) {
      throw new IllegalArgumentException("RotaryEmbedding: input must be 3-D or 4-D, got " + x);
    }
    if (x.hasRank() && x.rank() == 3 && ctx.node().attrInt("num_heads", 0) <= 0) {
      throw new IllegalArgumentException("RotaryEmbedding: a 3-D input " + x + " needs num_heads > 0");
    }
    return List.of(x);
  }
}
