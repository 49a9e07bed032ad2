package dev.vireo.op.vireo;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * dev.vireo RowQuantize(A) → (q uint8 of A's shape, scale float of A's shape with the last dim
 * 1): symmetric per-row quantization, {@code scale = max(max|row|, Float.MIN_NORMAL) / 127} and
 * {@code q = rint(A / scale) + 128}.
 */
public final class RowQuantizeDef implements OpDef {
  @Override
  public String domain() {
    return VireoOps.DOMAIN;
  }

  @Override
  public String opType() {
    return "RowQuantize";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    DType x = ctx.elemType(0);
    if (x != null && x != DType.FLOAT) {
      throw new IllegalArgumentException("RowQuantize needs a float A, got " + ctx.tensor(0));
    }
    List<Dim> dims = ctx.tensor(0).dims();
    List<Dim> scaleDims = null;
    if (dims != null) {
      if (dims.isEmpty()) {
        throw new IllegalArgumentException("RowQuantize needs A of rank >= 1, got a scalar");
      }
      scaleDims = new ArrayList<>(dims);
      scaleDims.set(dims.size() - 1, Dim.of(1));
    }
    return List.of(new TensorType(DType.UINT8, dims), new TensorType(DType.FLOAT, scaleDims));
  }
}
