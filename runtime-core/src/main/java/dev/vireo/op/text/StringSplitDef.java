package dev.vireo.op.text;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * StringSplit: X string gives the parts (X's shape plus one axis of data-dependent length,
 * strings) and the part counts (X's shape, int64).
 */
public final class StringSplitDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "StringSplit";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.elemType() != null && x.elemType() != DType.STRING) {
      throw new IllegalArgumentException("StringSplit: input must be a string tensor, got " + x);
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(DType.STRING), TensorType.unknownShape(DType.INT64));
    }
    List<Dim> parts = new ArrayList<>(x.dims());
    parts.add(Dim.unknown());
    return List.of(new TensorType(DType.STRING, parts), new TensorType(DType.INT64, x.dims()));
  }
}
