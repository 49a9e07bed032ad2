package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/**
 * SequenceInsert: a sequence of what the sequence's tensors and the inserted tensor have in
 * common; their element types must agree.
 */
public final class SequenceInsertDef extends SequenceOpDef {
  public SequenceInsertDef() {
    super("SequenceInsert");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType s = element(ctx.inputType(0));
    TensorType t = ctx.tensor(1);
    if (s.elemType() != null && t.elemType() != null && s.elemType() != t.elemType()) {
      throw new IllegalArgumentException("cannot insert a " + t + " tensor into a sequence of " + s);
    }
    return List.of(new ValueType.SequenceType(ctx.inputType(0) == null ? t : common(s, t)));
  }
}
