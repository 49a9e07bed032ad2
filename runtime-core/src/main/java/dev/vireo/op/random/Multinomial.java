package dev.vireo.op.random;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/** Multinomial: [batch, classes] log-probabilities give [batch, sample_size] class indices. */
public final class Multinomial implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Multinomial";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType in = ctx.tensor(0);
    long samples = ctx.node().attrInt("sample_size", 1);
    DType t = DType.fromOnnx((int) ctx.node().attrInt("dtype", DType.INT32.onnxCode()));
    if (t != DType.INT32 && t != DType.INT64) {
      throw new IllegalArgumentException("Multinomial: dtype " + t + " must be int32 or int64");
    }
    if (samples < 1) {
      throw new IllegalArgumentException("Multinomial: sample_size " + samples + " must be at least 1");
    }
    if (in.hasRank() && in.rank() != 2) {
      throw new IllegalArgumentException("Multinomial: input must be 2-D [batch, classes], got " + in);
    }
    Dim batch = in.hasRank() ? in.dims().get(0) : Dim.unknown();
    return List.of(new TensorType(t, List.of(batch, Dim.of(samples))));
  }
}
