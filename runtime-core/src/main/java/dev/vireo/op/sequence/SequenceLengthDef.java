package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import java.util.List;

/** SequenceLength: an i64 scalar. */
public final class SequenceLengthDef extends SequenceOpDef {
  public SequenceLengthDef() {
    super("SequenceLength");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(new TensorType(DType.INT64, List.of()));
  }
}
