package dev.vireo.op.norm;

import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.tensor.DType;

/** Shape rules shared by the normalization ops, whose output has the shape of input 0. */
final class NormShapes {
  private NormShapes() {}

  /** Input 0's shape with the element type of input {@code typeInput} (or of input 0 when unknown). */
  static TensorType sameShape(InferenceContext ctx, String op, int typeInput) {
    TensorType x = ctx.tensor(0);
    DType t = ctx.elemType(typeInput) != null ? ctx.elemType(typeInput) : x.elemType();
    if (t != null && !t.isFloatingPoint()) {
      throw new IllegalArgumentException(op + ": expected a float tensor, got " + t);
    }
    return new TensorType(t, x.dims());
  }

  /** As {@link #sameShape}, checking the {@code axis} attribute (default -1) against X's rank. */
  static TensorType withAxis(InferenceContext ctx, String op, int typeInput) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank()) {
      Dims.axis(op, ctx.node().attrInt("axis", -1), x.rank(), x);
    }
    return sameShape(ctx, op, typeInput);
  }

  /** As {@link #sameShape} for input 0, which must have rank >= 2 (N, C, ...). */
  static TensorType channelsFirst(InferenceContext ctx, String op) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() < 2) {
      throw new IllegalArgumentException(op + ": X must have rank >= 2 (N, C, ...), got " + x);
    }
    return sameShape(ctx, op, 0);
  }
}
