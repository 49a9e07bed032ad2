package dev.vireo.op.vireo;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.quant.QuantShapes;
import dev.vireo.tensor.DType;
import java.util.List;

/**
 * dev.vireo MatMulIntegerRowScaled(A, B, a_scale, b_scale, a_zero_point, b_zero_point, bias) →
 * float Y of A×B's shape: {@code Y[r, j] = ((float) acc[r, j] · a_scale[r]) · b_scale[j] +
 * bias[j]} (bias optional) with acc the
 * int32 product {@code (A - a_zp)(B - b_zp)} and one A scale per row.
 */
public final class MatMulIntegerRowScaledDef implements OpDef {
  private static final String OP = "MatMulIntegerRowScaled";

  @Override
  public String domain() {
    return VireoOps.DOMAIN;
  }

  @Override
  public String opType() {
    return OP;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    return List.of(QuantShapes.tensor(DType.FLOAT, QuantShapes.matmul(OP, ctx.tensor(0), ctx.tensor(1))));
  }
}
