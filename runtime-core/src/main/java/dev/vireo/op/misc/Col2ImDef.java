package dev.vireo.op.misc;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Col2Im: input [N, C·∏block, L] gives [N, C, image_shape...] in the input's type; C and the
 * image dims are known when image_shape and block_shape are constant.
 */
public final class Col2ImDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Col2Im";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (x.hasRank() && x.rank() != 3) {
      throw new IllegalArgumentException("Col2Im: input must be [N, C*prod(block), L], got " + x);
    }
    Tensor image = ctx.constant(1);
    Tensor block = ctx.constant(2);
    if (image == null) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    List<Dim> d = new ArrayList<>();
    d.add(x.hasRank() ? x.dims().get(0) : Dim.unknown());
    Dim cb = x.hasRank() ? x.dims().get(1) : Dim.unknown();
    long blockSize = 1;
    if (block != null) {
      for (int i = 0; i < block.size(); i++) {
        blockSize *= block.getLong(i);
      }
    }
    d.add(block != null && cb.isKnown() && blockSize > 0 ? Dim.of(cb.value() / blockSize) : Dim.unknown());
    for (int i = 0; i < image.size(); i++) {
      d.add(Dim.of(image.getLong(i)));
    }
    return List.of(new TensorType(x.elemType(), d));
  }
}
