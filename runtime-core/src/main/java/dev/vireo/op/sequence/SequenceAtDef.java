package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/** SequenceAt: the sequence's tensor type. */
public final class SequenceAtDef extends SequenceOpDef {
  public SequenceAtDef() {
    super("SequenceAt");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(element(ctx.inputType(0)));
  }
}
