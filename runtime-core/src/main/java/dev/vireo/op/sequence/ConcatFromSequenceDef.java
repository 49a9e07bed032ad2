package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import java.util.List;

/**
 * ConcatFromSequence: the sequence's element type; its rank (one more with {@code new_axis} = 1)
 * with unknown dims, since the sequence length is data.
 */
public final class ConcatFromSequenceDef extends SequenceOpDef {
  public ConcatFromSequenceDef() {
    super("ConcatFromSequence");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (!ctx.node().hasAttr("axis")) {
      throw new IllegalArgumentException("missing attribute axis");
    }
    TensorType t = element(ctx.inputType(0));
    if (!t.hasRank()) {
      return List.of(new TensorType(t.elemType(), null));
    }
    int rank = t.rank() + (ctx.node().attrInt("new_axis", 0) == 1 ? 1 : 0);
    Dims.axis("ConcatFromSequence", ctx.node().attrInt("axis", 0), rank, t);
    return List.of(new TensorType(t.elemType(), Dims.unknown(rank)));
  }
}
