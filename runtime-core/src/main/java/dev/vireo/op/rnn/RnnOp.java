package dev.vireo.op.rnn;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/** ONNX RNN: output types and shapes from X, W, R and the direction and layout attributes. */
public final class RnnOp implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "RNN";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return RecurrentShapes.infer(ctx, 1);
  }
}
