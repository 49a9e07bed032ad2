package dev.vireo.op.signal;

import dev.vireo.ir.Dim;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;

/** Shape-inference helpers shared by the signal ops. */
final class SignalDims {
  private SignalDims() {}

  /**
   * The dim given by scalar constant input i, or unknown when the input is omitted, not constant
   * or negative (the kernel reports the bad value).
   */
  static Dim constantDim(InferenceContext ctx, int i) {
    Tensor t = i < ctx.inputCount() ? ctx.constant(i) : null;
    return t == null || t.size() != 1 || t.getLong(0) < 0 ? Dim.unknown() : Dim.of(t.getLong(0));
  }

  /** The output_datatype attribute, f32 by default. */
  static DType outputType(InferenceContext ctx) {
    return DType.fromOnnx((int) ctx.node().attrInt("output_datatype", DType.FLOAT.onnxCode()));
  }
}
