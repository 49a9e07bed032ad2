package dev.vireo.op.signal;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * MelWeightMatrix: scalar num_mel_bins and dft_length give [dft_length/2 + 1, num_mel_bins] in
 * output_datatype (f32 by default).
 */
public final class MelWeightMatrixDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "MelWeightMatrix";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Dim mels = SignalDims.constantDim(ctx, 0);
    Dim dft = SignalDims.constantDim(ctx, 1);
    Dim bins = dft.isKnown() ? Dim.of(dft.value() / 2 + 1) : Dim.unknown();
    return List.of(new TensorType(SignalDims.outputType(ctx), List.of(bins, mels)));
  }
}
