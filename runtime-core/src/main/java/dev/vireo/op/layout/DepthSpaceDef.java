package dev.vireo.op.layout;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * DepthToSpace ([N, C, H, W] to [N, C/b², H·b, W·b]) and SpaceToDepth (the reverse) with
 * {@code blocksize} b.
 */
public final class DepthSpaceDef implements OpDef {
  private final boolean toSpace;

  public DepthSpaceDef(boolean toSpace) {
    this.toSpace = toSpace;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return toSpace ? "DepthToSpace" : "SpaceToDepth";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long b = ctx.node().attrInt("blocksize", -1);
    if (b <= 0) {
      throw new IllegalArgumentException(opType() + " needs a positive blocksize, got " + b);
    }
    if (!x.hasRank()) {
      return List.of(new TensorType(x.elemType(), Dims.unknown(4)));
    }
    if (x.rank() != 4) {
      throw new IllegalArgumentException(opType() + " needs a 4-D NCHW input, got " + x);
    }
    List<Dim> d = x.dims();
    return List.of(new TensorType(x.elemType(), List.of(
        d.get(0),
        toSpace ? divide(d.get(1), b * b, x) : LayoutDefs.times(d.get(1), b * b),
        toSpace ? LayoutDefs.times(d.get(2), b) : divide(d.get(2), b, x),
        toSpace ? LayoutDefs.times(d.get(3), b) : divide(d.get(3), b, x))));
  }

  private Dim divide(Dim d, long by, TensorType x) {
    if (!d.isKnown()) {
      return Dim.unknown();
    }
    if (d.value() % by != 0) {
      throw new IllegalArgumentException(opType() + ": " + x + " does not divide by " + by);
    }
    return Dim.of(d.value() / by);
  }
}
