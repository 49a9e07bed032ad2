package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** ConstantOfShape: the value attribute's type (f32 by default) and the shape in input 0. */
public final class ConstantOfShapeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "ConstantOfShape";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Tensor v = ctx.node().attrTensor("value");
    DType t = v == null ? DType.FLOAT : v.dtype();
    long[] shape = ShapeDefs.ints(ctx.constant(0));
    if (shape != null) {
      List<Dim> d = new ArrayList<>();
      for (long s : shape) {
        if (s < 0) {
          throw new IllegalArgumentException("ConstantOfShape: negative dim in shape " + java.util.Arrays.toString(shape));
        }
        d.add(Dim.of(s));
      }
      return List.of(new TensorType(t, d));
    }
    TensorType s = ctx.tensor(0);
    if (s.hasRank() && s.rank() == 1 && s.dims().get(0).isKnown()) {
      return List.of(new TensorType(t, Dims.unknown((int) s.dims().get(0).value())));
    }
    return List.of(TensorType.unknownShape(t));
  }
}
