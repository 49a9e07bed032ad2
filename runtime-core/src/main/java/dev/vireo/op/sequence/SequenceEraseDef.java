package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/** SequenceErase: the input sequence's type. */
public final class SequenceEraseDef extends SequenceOpDef {
  public SequenceEraseDef() {
    super("SequenceErase");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(new ValueType.SequenceType(element(ctx.inputType(0))));
  }
}
