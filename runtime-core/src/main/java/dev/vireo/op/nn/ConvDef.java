package dev.vireo.op.nn;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Conv: X [N, C, spatial...] * W [M, C/group, k...] = [N, M, out...], each output size from
 * {@link WindowAttributes}. The kernel shape comes from kernel_shape or W's known dims.
 */
public final class ConvDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Conv";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (x.rank() < 3) {
      throw new IllegalArgumentException("Conv needs X [N,C,spatial...], got " + x);
    }
    if (w.hasRank() && w.rank() != x.rank()) {
      throw new IllegalArgumentException("Conv: X " + x + " and W " + w + " differ in rank");
    }
    long group = ctx.node().attrInt("group", 1);
    Dim c = x.dims().get(1);
    if (w.hasRank() && c.isKnown() && w.dims().get(1).isKnown()
        && c.value() != w.dims().get(1).value() * group) {
      throw new IllegalArgumentException("Conv: X " + x + " has " + c + " channels but W " + w
          + " with group " + group + " expects " + w.dims().get(1).value() * group);
    }
    int r = x.rank() - 2;
    long[] kernel = ctx.node().attrInts("kernel_shape", null);
    if (kernel == null && w.hasRank()) {
      kernel = new long[r];
      for (int i = 0; i < r; i++) {
        Dim d = w.dims().get(i + 2);
        if (!d.isKnown()) {
          kernel = null;
          break;
        }
        kernel[i] = d.value();
      }
    }
    List<Dim> out = new ArrayList<>();
    out.add(x.dims().get(0));
    out.add(w.hasRank() ? w.dims().get(0) : Dim.unknown());
    WindowAttributes win = kernel == null ? null : WindowAttributes.read(ctx.node(), kernel);
    for (int i = 0; i < r; i++) {
      out.add(win == null ? Dim.unknown() : PoolDef.spatialOut(win, i, x.dims().get(i + 2)));
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
