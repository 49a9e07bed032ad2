package dev.vireo.op.text;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.Arrays;
import java.util.List;

/**
 * TfIdfVectorizer: a [C] or [N, C] input gives f32 [K] or [N, K], K = max(ngram_indexes) + 1.
 */
public final class TfIdfVectorizerDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "TfIdfVectorizer";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] idx = ctx.node().attrInts("ngram_indexes", new long[0]);
    Dim k = idx.length == 0 ? Dim.unknown() : Dim.of(Arrays.stream(idx).max().getAsLong() + 1);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(DType.FLOAT));
    }
    if (x.rank() > 2) {
      throw new IllegalArgumentException("TfIdfVectorizer: input must be [C] or [N, C], got " + x);
    }
    return List.of(new TensorType(DType.FLOAT, x.rank() == 2 ? List.of(x.dims().get(0), k) : List.of(k)));
  }
}
