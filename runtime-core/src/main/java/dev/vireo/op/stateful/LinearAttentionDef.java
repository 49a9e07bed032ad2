package dev.vireo.op.stateful;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * LinearAttention (opset 27): recurrent linear attention over packed heads. Inputs: query {@code
 * (B, T, Hq*dk)}, key {@code (B, T, Hkv*dk)}, value {@code (B, T, Hkv*dv)}, optional past_state
 * {@code (B, Hkv, dk, dv)}, decay and beta. Outputs: output {@code (B, T, Hq*dv)} of the query's
 * type and present_state {@code (B, Hkv, dk, dv)} of past_state's type (the query's without one).
 * q_num_heads and kv_num_heads are required, with q_num_heads a positive multiple of kv_num_heads.
 */
public final class LinearAttentionDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "LinearAttention";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    long hq = ctx.node().attrInt("q_num_heads", 0);
    long hkv = ctx.node().attrInt("kv_num_heads", 0);
    if (hq <= 0 || hkv <= 0 || hq % hkv != 0) {
      throw new IllegalArgumentException("LinearAttention: q_num_heads (" + hq
          + ") must be a positive multiple of kv_num_heads (" + hkv + ")");
    }
    String rule = ctx.node().attrString("update_rule", "gated_delta");
    if (!List.of("linear", "gated", "delta", "gated_delta").contains(rule)) {
      throw new IllegalArgumentException("LinearAttention: update_rule must be linear, gated, delta or gated_delta, got '"
          + rule + "'");
    }
    TensorType q = ctx.tensor(0);
    TensorType k = ctx.tensor(1);
    TensorType v = ctx.tensor(2);
    for (int i = 0; i < 3; i++) {
      TensorType t = ctx.tensor(i);
      if (t.hasRank() && t.rank() != 3) {
        throw new IllegalArgumentException("LinearAttention: " + List.of("query", "key", "value").get(i)
            + " must be 3-D (B, T, H*D), got " + t);
      }
    }
    Dim batch = q.hasRank() ? q.dims().get(0) : Dim.unknown();
    Dim time = q.hasRank() ? q.dims().get(1) : Dim.unknown();
    Dim dk = Dim.unknown();
    if (q.hasRank() && q.dims().get(2).isKnown()) {
      dk = Dim.of(q.dims().get(2).value() / hq);
    } else if (k.hasRank() && k.dims().get(2).isKnown()) {
      dk = Dim.of(k.dims().get(2).value() / hkv);
    }
    Dim dv = v.hasRank() && v.dims().get(2).isKnown() ? Dim.of(v.dims().get(2).value() / hkv) : Dim.unknown();
    Dim outLast = dv.isKnown() ? Dim.of(dv.value() * hq) : Dim.unknown();
    TensorType out = new TensorType(q.elemType(), List.of(batch, time, outLast));
    TensorType state = new TensorType(ctx.hasInput(3) ? ctx.elemType(3) : q.elemType(),
        List.of(batch, Dim.of(hkv), dk, dv));
    return List.of(out, state);
  }
}
