package dev.vireo.op.sequence;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import java.util.List;

/** SequenceEmpty: a sequence of {@code dtype} (default float) tensors of unknown shape. */
public final class SequenceEmptyDef extends SequenceOpDef {
  public SequenceEmptyDef() {
    super("SequenceEmpty");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    DType t = DType.fromOnnx((int) ctx.node().attrInt("dtype", DType.FLOAT.onnxCode()));
    return List.of(new ValueType.SequenceType(new TensorType(t, null)));
  }
}
