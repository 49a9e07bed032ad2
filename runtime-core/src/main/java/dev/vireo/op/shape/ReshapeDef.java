package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reshape (opset 5+): with a constant shape, 0 copies the input dim at that position (a literal
 * 0 with allowzero=1 from opset 14) and one -1 is inferred when the element counts are known;
 * otherwise only the rank (the shape's length) is known.
 */
public final class ReshapeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Reshape";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] req = ShapeDefs.ints(ctx.constant(1));
    if (req == null) {
      TensorType s = ctx.tensor(1);
      boolean rankKnown = s.hasRank() && s.rank() == 1 && s.dims().get(0).isKnown();
      return List.of(new TensorType(x.elemType(),
          rankKnown ? Dims.unknown((int) s.dims().get(0).value()) : null));
    }
    boolean allowZero = ctx.node().opset() >= 14 && ctx.node().attrInt("allowzero", 0) != 0;
    List<Dim> out = new ArrayList<>();
    int minus = -1;
    for (int i = 0; i < req.length; i++) {
      long v = req[i];
      if (v == -1) {
        if (minus >= 0) {
          throw new IllegalArgumentException("cannot reshape " + x + " to " + Arrays.toString(req)
              + ": more than one -1");
        }
        minus = i;
        out.add(Dim.unknown());
      } else if (v == 0 && !allowZero) {
        if (x.hasRank() && i >= x.rank()) {
          throw new IllegalArgumentException("cannot reshape " + x + " to " + Arrays.toString(req)
              + ": 0 at position " + i + " has no input dim to copy");
        }
        out.add(x.hasRank() ? x.dims().get(i) : Dim.unknown());
      } else if (v < 0) {
        throw new IllegalArgumentException("cannot reshape " + x + " to " + Arrays.toString(req)
            + ": invalid dim " + v);
      } else {
        out.add(Dim.of(v));
      }
    }
    Dim total = x.hasRank() ? Dims.product(x.dims(), 0, x.rank()) : Dim.unknown();
    if (total.isKnown()) {
      long known = 1;
      boolean allKnown = true;
      for (int i = 0; i < out.size(); i++) {
        if (i == minus) {
          continue;
        }
        if (out.get(i).isKnown()) {
          known *= out.get(i).value();
        } else {
          allKnown = false;
        }
      }
      if (allKnown && minus >= 0) {
        if (known == 0 || total.value() % known != 0) {
          throw new IllegalArgumentException("cannot reshape " + x + " to " + Arrays.toString(req)
              + ": " + total + " elements do not divide into dims of product " + known);
        }
        out.set(minus, Dim.of(total.value() / known));
      } else if (allKnown && known != total.value()) {
        throw new IllegalArgumentException("cannot reshape " + x + " (" + total + " elements) to "
            + Arrays.toString(req) + " (" + known + " elements)");
      }
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
