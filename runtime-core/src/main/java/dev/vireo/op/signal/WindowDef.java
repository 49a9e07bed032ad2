package dev.vireo.op.signal;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * HannWindow, HammingWindow and BlackmanWindow: a scalar size gives a 1-D window of that length
 * in output_datatype (f32 by default).
 */
public final class WindowDef implements OpDef {
  private final String opType;

  public WindowDef(String opType) {
    this.opType = opType;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType size = ctx.tensor(0);
    if (size.hasRank() && size.rank() > 1) {
      throw new IllegalArgumentException(opType + ": size must be a scalar, got " + size);
    }
    return List.of(new TensorType(SignalDims.outputType(ctx), List.of(SignalDims.constantDim(ctx, 0))));
  }
}
