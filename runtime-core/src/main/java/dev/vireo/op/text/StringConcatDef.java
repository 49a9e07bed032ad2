package dev.vireo.op.text;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** StringConcat: two string tensors broadcast to one string tensor. */
public final class StringConcatDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "StringConcat";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(1);
    for (TensorType t : List.of(a, b)) {
      if (t.elemType() != null && t.elemType() != DType.STRING) {
        throw new IllegalArgumentException("StringConcat: inputs must be string tensors, got " + a + " and " + b);
      }
    }
    return List.of(new TensorType(DType.STRING, Dims.broadcast("StringConcat", List.of(a, b))));
  }
}
