package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/** Concat: inputs of one rank and type, equal except along {@code axis}, where sizes add up. */
public final class ConcatDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Concat";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    if (!ctx.node().hasAttr("axis")) {
      throw new IllegalArgumentException("Concat needs the axis attribute");
    }
    long axis = ctx.node().attrInt("axis", 0);
    TensorType first = null;
    for (int i = 0; i < ctx.inputCount(); i++) {
      TensorType t = ctx.tensor(i);
      if (t.hasRank()) {
        first = t;
        break;
      }
    }
    if (first == null) {
      return List.of(TensorType.unknownShape(ctx.elemType(0)));
    }
    int r = first.rank();
    int ax = Dims.axis("Concat", axis, r, first);
    List<Dim> out = new ArrayList<>(first.dims());
    long sum = 0;
    boolean sumKnown = true;
    for (int i = 0; i < ctx.inputCount(); i++) {
      TensorType t = ctx.tensor(i);
      if (first.elemType() != null && t.elemType() != null && t.elemType() != first.elemType()) {
        throw new IllegalArgumentException("Concat: element types differ: " + first + " and " + t);
      }
      if (!t.hasRank()) {
        sumKnown = false;
        continue;
      }
      if (t.rank() != r) {
        throw new IllegalArgumentException("Concat: ranks differ: " + first + " and " + t);
      }
      for (int d = 0; d < r; d++) {
        Dim a = out.get(d);
        Dim b = t.dims().get(d);
        if (d == ax) {
          if (b.isKnown()) {
            sum += b.value();
          } else {
            sumKnown = false;
          }
        } else if (a.isKnown() && b.isKnown() && a.value() != b.value()) {
          throw new IllegalArgumentException("Concat on axis " + ax + ": " + first + " and " + t
              + " differ in dim " + d);
        } else if (!a.isKnown() && b.isKnown()) {
          out.set(d, b);
        }
      }
    }
    out.set(ax, sumKnown ? Dim.of(sum) : Dim.unknown());
    return List.of(new TensorType(first.elemType(), out));
  }
}
