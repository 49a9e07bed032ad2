package dev.vireo.op.math;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * MatMul with numpy semantics: [..., M, K] x [..., K, N] = [broadcast(...), M, N]; a 1-D A is
 * [1, K] and a 1-D B is [K, 1], the added dim removed from the result.
 */
public final class MatMulDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "MatMul";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType a = ctx.tensor(0);
    TensorType b = ctx.tensor(1);
    if (a.elemType() != null && b.elemType() != null && a.elemType() != b.elemType()) {
      throw new IllegalArgumentException("element types differ: A " + a + " x B " + b);
    }
    if (!a.hasRank() || !b.hasRank()) {
      return List.of(TensorType.unknownShape(a.elemType()));
    }
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException("MatMul needs operands of rank >= 1: A " + a + " x B " + b);
    }
    List<Dim> ad = a.rank() == 1 ? List.of(Dim.of(1), a.dims().get(0)) : a.dims();
    List<Dim> bd = b.rank() == 1 ? List.of(b.dims().get(0), Dim.of(1)) : b.dims();
    Dim k1 = ad.get(ad.size() - 1);
    Dim k2 = bd.get(bd.size() - 2);
    if (k1.isKnown() && k2.isKnown() && k1.value() != k2.value()) {
      throw new IllegalArgumentException("inner dimensions differ: A " + a + " x B " + b);
    }
    List<Dim> batch;
    try {
      batch = Dims.broadcast("MatMul", List.of(
          new TensorType(null, ad.subList(0, ad.size() - 2)),
          new TensorType(null, bd.subList(0, bd.size() - 2))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("batch dimensions do not broadcast: A " + a + " x B " + b, e);
    }
    List<Dim> out = new ArrayList<>(batch);
    if (a.rank() > 1) {
      out.add(ad.get(ad.size() - 2));
    }
    if (b.rank() > 1) {
      out.add(bd.get(bd.size() - 1));
    }
    return List.of(new TensorType(a.elemType(), out));
  }
}
