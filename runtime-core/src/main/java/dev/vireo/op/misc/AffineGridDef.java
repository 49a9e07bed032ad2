package dev.vireo.op.misc;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.List;

/**
 * AffineGrid: theta [N, 2, 3] gives [N, H, W, 2] and theta [N, 3, 4] gives [N, D, H, W, 3] in
 * theta's type; the spatial dims are known when the size input is constant.
 */
public final class AffineGridDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "AffineGrid";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType theta = ctx.tensor(0);
    Tensor size = ctx.constant(1);
    if (size != null) {
      if (size.size() != 4 && size.size() != 5) {
        throw new IllegalArgumentException("AffineGrid: size must be [N, C, H, W] or [N, C, D, H, W], got " + size.describe());
      }
      long[] s = size.toLongArray();
      List<Dim> d = s.length == 4
          ? List.of(Dim.of(s[0]), Dim.of(s[2]), Dim.of(s[3]), Dim.of(2))
          : List.of(Dim.of(s[0]), Dim.of(s[2]), Dim.of(s[3]), Dim.of(s[4]), Dim.of(3));
      return List.of(new TensorType(theta.elemType(), d));
    }
    if (theta.hasRank() && theta.rank() == 3 && theta.dims().get(1).isKnown()) {
      int sd = (int) theta.dims().get(1).value();
      List<Dim> d = new java.util.ArrayList<>();
      d.add(theta.dims().get(0));
      for (int i = 0; i < sd; i++) {
        d.add(Dim.unknown());
      }
      d.add(Dim.of(sd));
      return List.of(new TensorType(theta.elemType(), d));
    }
    return List.of(TensorType.unknownShape(theta.elemType()));
  }
}
