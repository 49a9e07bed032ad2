package dev.vireo.op.signal;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * STFT: signal [batch, length, 1 or 2] gives [batch, frames, bins, 2] in the signal's type;
 * frames and bins are known when the length, frame_step and frame length (input 3, or the
 * window's length) are.
 */
public final class StftDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "STFT";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() != 3) {
      throw new IllegalArgumentException("STFT: signal must be [batch, length, 1 or 2], got " + x);
    }
    Dim batch = x.hasRank() ? x.dims().get(0) : Dim.unknown();
    Dim len = x.hasRank() ? x.dims().get(1) : Dim.unknown();
    Dim step = SignalDims.constantDim(ctx, 1);
    Dim frame = ctx.inputCount() > 3 && ctx.hasInput(3) ? SignalDims.constantDim(ctx, 3) : Dim.unknown();
    if (!frame.isKnown() && ctx.inputCount() > 2 && ctx.hasInput(2)) {
      TensorType w = ctx.tensor(2);
      frame = w.hasRank() && w.rank() == 1 ? w.dims().get(0) : Dim.unknown();
    } else if (!frame.isKnown() && !(ctx.inputCount() > 3 && ctx.hasInput(3))) {
      frame = len;
    }
    boolean onesided = ctx.node().attrInt("onesided", 1) != 0;
    Dim frames = len.isKnown() && step.isKnown() && frame.isKnown() && step.value() > 0
        ? Dim.of(1 + (len.value() - frame.value()) / step.value()) : Dim.unknown();
    Dim bins = frame.isKnown() ? Dim.of(onesided ? frame.value() / 2 + 1 : frame.value()) : Dim.unknown();
    return List.of(new TensorType(x.elemType(), List.of(batch, frames, bins, Dim.of(2))));
  }
}
