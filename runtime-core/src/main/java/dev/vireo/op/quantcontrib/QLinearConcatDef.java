package dev.vireo.op.quantcontrib;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * com.microsoft QLinearConcat: inputs Y_scale, Y_zero_point, then triples (X, scale, zero
 * point); the Xs joined along attribute axis, in the first X's type.
 */
public final class QLinearConcatDef implements OpDef {
  private static final String OP = "QLinearConcat";

  @Override
  public String domain() {
    return QuantContribOps.DOMAIN;
  }

  @Override
  public String opType() {
    return OP;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType first = ctx.tensor(2);
    if (!first.hasRank()) {
      return List.of(TensorType.unknownShape(first.elemType()));
    }
    int axis = Dims.axis(OP, ctx.node().attrInt("axis", 0), first.rank(), first);
    List<Dim> dims = new ArrayList<>(first.dims());
    long total = 0;
    for (int i = 2; i < ctx.inputCount(); i += 3) {
      TensorType x = ctx.tensor(i);
      Dim d = x.hasRank() && x.rank() == first.rank() ? x.dims().get(axis) : Dim.unknown();
      total = total < 0 || !d.isKnown() ? -1 : total + d.value();
    }
    dims.set(axis, total < 0 ? Dim.unknown() : Dim.of(total));
    return List.of(new TensorType(first.elemType(), dims));
  }
}
