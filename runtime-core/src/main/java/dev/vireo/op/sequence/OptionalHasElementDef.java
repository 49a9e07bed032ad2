package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import java.util.List;

/** OptionalHasElement: a bool scalar. */
public final class OptionalHasElementDef extends SequenceOpDef {
  public OptionalHasElementDef() {
    super("OptionalHasElement");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(new TensorType(DType.BOOL, List.of()));
  }
}
