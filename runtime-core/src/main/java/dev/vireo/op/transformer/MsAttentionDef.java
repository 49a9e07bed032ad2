package dev.vireo.op.transformer;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * com.microsoft Attention (multi-head self-attention with packed Q/K/V weights): input
 * {@code [batch, seq, input_hidden]}, weights {@code [input_hidden, q_hidden + k_hidden +
 * v_hidden]}, optional bias and mask_index; output {@code [batch, seq, v_hidden]}. Without
 * qkv_hidden_sizes the three hidden sizes are equal (a third of the weights' columns).
 */
public final class MsAttentionDef implements OpDef {
  @Override
  public String domain() {
    return TransformerOps.MS_DOMAIN;
  }

  @Override
  public String opType() {
    return "Attention";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (ctx.node().attrInt("num_heads", 0) <= 0) {
      throw new IllegalArgumentException("Attention (com.microsoft): num_heads must be > 0");
    }
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    if (x.hasRank() && x.rank() != 3) {
      throw new IllegalArgumentException("Attention (com.microsoft): input must be 3-D, got " + x);
    }
    if (w.hasRank() && w.rank() != 2) {
      throw new IllegalArgumentException("Attention (com.microsoft): weights must be 2-D, got " + w);
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    Dim v = Dim.unknown();
    long[] sizes = ctx.node().attrInts("qkv_hidden_sizes", null);
    if (sizes != null && sizes.length == 3) {
      v = Dim.of(sizes[2]);
    } else if (w.hasRank() && w.dims().get(1).isKnown()) {
      v = Dim.of(w.dims().get(1).value() / 3);
    }
    return List.of(new TensorType(x.elemType(), List.of(x.dims().get(0), x.dims().get(1), v)));
  }
}
