package dev.vireo.op.stateful;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * CausalConvWithState (opset 27): a causal depthwise 1-D convolution whose left padding is carried
 * between calls. Inputs: input {@code (batch, channels, length)}, weight {@code (channels, 1, k)},
 * optional bias {@code (channels)}, optional past_state {@code (batch, channels, k - 1)}. Outputs:
 * output with the input's type and shape, present_state {@code (batch, channels, k - 1)}. The
 * activation attribute is one of none, silu, swish.
 */
public final class CausalConvWithStateDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "CausalConvWithState";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    String activation = ctx.node().attrString("activation", "none");
    if (!activation.equals("none") && !activation.equals("silu") && !activation.equals("swish")) {
      throw new IllegalArgumentException("CausalConvWithState: activation must be none, silu or swish, got '"
          + activation + "'");
    }
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    if (x.hasRank() && x.rank() != 3) {
      throw new IllegalArgumentException("CausalConvWithState: input must be 3-D (batch, channels, length), got " + x);
    }
    if (w.hasRank() && w.rank() != 3) {
      throw new IllegalArgumentException("CausalConvWithState: weight must be 3-D (channels, 1, k), got " + w);
    }
    Dim batch = x.hasRank() ? x.dims().get(0) : Dim.unknown();
    Dim channels = x.hasRank() ? x.dims().get(1) : w.hasRank() ? w.dims().get(0) : Dim.unknown();
    Dim k = w.hasRank() ? w.dims().get(2) : Dim.unknown();
    Dim carry = k.isKnown() ? Dim.of(k.value() - 1) : Dim.unknown();
    TensorType out = x.hasRank() ? x : new TensorType(x.elemType(), List.of(batch, channels, Dim.unknown()));
    TensorType state = new TensorType(x.elemType(), List.of(batch, channels, carry));
    return List.of(out, state);
  }
}
