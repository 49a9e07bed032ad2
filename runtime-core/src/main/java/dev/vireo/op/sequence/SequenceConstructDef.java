package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/** SequenceConstruct: a sequence of what its inputs have in common; their element types must agree. */
public final class SequenceConstructDef extends SequenceOpDef {
  public SequenceConstructDef() {
    super("SequenceConstruct");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (ctx.inputCount() == 0) {
      throw new IllegalArgumentException("SequenceConstruct needs at least one input");
    }
    TensorType t = ctx.tensor(0);
    for (int i = 1; i < ctx.inputCount(); i++) {
      TensorType u = ctx.tensor(i);
      if (t.elemType() != null && u.elemType() != null && t.elemType() != u.elemType()) {
        throw new IllegalArgumentException("input " + i + " is " + u + " but input 0 is " + ctx.tensor(0)
            + ": a sequence holds one element type");
      }
      t = common(t, u);
    }
    return List.of(new ValueType.SequenceType(t));
  }
}
