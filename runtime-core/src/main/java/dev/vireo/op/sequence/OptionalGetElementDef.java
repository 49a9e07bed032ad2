package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/** OptionalGetElement: the optional's element type (a tensor or sequence input's own type). */
public final class OptionalGetElementDef extends SequenceOpDef {
  public OptionalGetElementDef() {
    super("OptionalGetElement");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    ValueType in = ctx.inputType(0);
    return java.util.Collections.singletonList(in instanceof ValueType.OptionalType o ? o.elemType() : in);
  }
}
