package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import java.util.List;

/** Optional: an optional of the input's type, or of attribute {@code type} when there is no input. */
public final class OptionalDef extends SequenceOpDef {
  public OptionalDef() {
    super("Optional");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (ctx.inputCount() > 0 && ctx.hasInput(0)) {
      ValueType in = ctx.inputType(0);
      return java.util.Collections.singletonList(in == null ? null : new ValueType.OptionalType(in));
    }
    if (!ctx.node().hasAttr("type")) {
      throw new IllegalArgumentException("an Optional without input needs attribute type");
    }
    return List.of(new ValueType.OptionalType((ValueType) ctx.node().attr("type").value()));
  }
}
