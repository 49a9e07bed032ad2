package dev.vireo.op.text;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/**
 * StringNormalizer: a [C] or [1, C] string tensor gives a string tensor of the same rank whose
 * last dim (the elements left after stopword removal, at least 1) is known only without
 * stopwords.
 */
public final class StringNormalizerDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "StringNormalizer";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.elemType() != null && x.elemType() != DType.STRING) {
      throw new IllegalArgumentException("StringNormalizer: input must be a string tensor, got " + x);
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(DType.STRING));
    }
    if (x.rank() != 1 && x.rank() != 2) {
      throw new IllegalArgumentException("StringNormalizer: input must be [C] or [1, C], got " + x);
    }
    boolean keepsAll = !ctx.node().hasAttr("stopwords") || ctx.node().attr("stopwords").stringsValue().isEmpty();
    Dim c = keepsAll ? x.dims().get(x.rank() - 1) : Dim.unknown();
    List<Dim> d = x.rank() == 1 ? List.of(c) : List.of(Dim.of(1), c);
    return List.of(new TensorType(DType.STRING, d));
  }
}
