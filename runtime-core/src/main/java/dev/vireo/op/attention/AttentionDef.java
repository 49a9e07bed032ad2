package dev.vireo.op.attention;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Attention (opset 23+): Q, K, V all 3-D {@code (batch, seq, heads * size)} with q_num_heads and
 * kv_num_heads, or all 4-D {@code (batch, heads, seq, size)}. Y follows Q's layout with V's head
 * size; present_key/present_value are 4-D with the past and current sequence lengths summed;
 * qk_matmul_output is {@code (batch, q_heads, q_seq, total_seq)}.
 */
public final class AttentionDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Attention";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Node n = ctx.node();
    TensorType q = ctx.tensor(0);
    TensorType k = ctx.tensor(1);
    TensorType v = ctx.tensor(2);
    TensorType pastK = ctx.hasInput(4) ? ctx.tensor(4) : null;
    List<ValueType> out = new ArrayList<>(List.of(
        TensorType.unknownShape(q.elemType()), TensorType.unknownShape(k.elemType()),
        TensorType.unknownShape(v.elemType()), TensorType.unknownShape(q.elemType())));
    if (!q.hasRank() || !k.hasRank() || !v.hasRank()) {
      return out;
    }
    int r = q.rank();
    if ((r != 3 && r != 4) || k.rank() != r || v.rank() != r) {
      throw new IllegalArgumentException("Attention: Q, K and V must all be 3-D or all 4-D, got Q "
          + q + ", K " + k + ", V " + v);
    }
    Dim batch = q.dims().get(0);
    Dim qHeads;
    Dim kvHeads;
    Dim qLen;
    Dim kvLen;
    Dim headSize;
    Dim vHeadSize;
    if (r == 3) {
      long qh = n.attrInt("q_num_heads", 0);
      long kvh = n.attrInt("kv_num_heads", 0);
      if (qh <= 0 || kvh <= 0) {
        throw new IllegalArgumentException("Attention: 3-D inputs need q_num_heads and kv_num_heads > 0, got "
            + qh + " and " + kvh);
      }
      qHeads = Dim.of(qh);
      kvHeads = Dim.of(kvh);
      qLen = q.dims().get(1);
      kvLen = k.dims().get(1);
      headSize = div(q.dims().get(2), qh, "Q", q);
      vHeadSize = div(v.dims().get(2), kvh, "V", v);
      out.set(0, new TensorType(q.elemType(), List.of(batch, qLen, q.dims().get(2).isKnown()
          && vHeadSize.isKnown() ? Dim.of(qh * vHeadSize.value()) : Dim.unknown())));
    } else {
      qHeads = q.dims().get(1);
      kvHeads = k.dims().get(1);
      qLen = q.dims().get(2);
      kvLen = k.dims().get(2);
      headSize = q.dims().get(3);
      vHeadSize = v.dims().get(3);
      out.set(0, new TensorType(q.elemType(), List.of(batch, qHeads, qLen, vHeadSize)));
    }
    if (qHeads.isKnown() && kvHeads.isKnown()
        && (kvHeads.value() == 0 || qHeads.value() % kvHeads.value() != 0)) {
      throw new IllegalArgumentException("Attention: q heads (" + qHeads
          + ") must be a multiple of kv heads (" + kvHeads + ")");
    }
    Dim total = kvLen;
    if (pastK != null) {
      Dim past = pastK.hasRank() && pastK.rank() == 4 ? pastK.dims().get(2) : Dim.unknown();
      total = past.isKnown() && kvLen.isKnown() ? Dim.of(past.value() + kvLen.value()) : Dim.unknown();
    }
    out.set(1, new TensorType(k.elemType(), List.of(batch, kvHeads, total, headSize)));
    out.set(2, new TensorType(v.elemType(), List.of(batch, kvHeads, total, vHeadSize)));
    out.set(3, new TensorType(q.elemType(), List.of(batch, qHeads, qLen, total)));
    return out;
  }

  private static Dim div(Dim hidden, long heads, String what, TensorType t) {
    if (!hidden.isKnown()) {
      return Dim.unknown();
    }
    if (hidden.value() % heads != 0) {
      throw new IllegalArgumentException("Attention: " + what + " " + t + " hidden size "
          + hidden.value() + " is not a multiple of " + heads + " heads");
    }
    return Dim.of(hidden.value() / heads);
  }
}
