package dev.vireo.op.convt;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * MaxUnpool: X's type; the shape is the constant output_shape input when given, else per spatial
 * dim {@code (in-1)·stride + kernel - pads}.
 */
public final class MaxUnpool implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "MaxUnpool";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    if (ctx.hasInput(2)) {
      Tensor s = ctx.constant(2);
      if (s == null) {
        return List.of(TensorType.unknownShape(x.elemType()));
      }
      List<Dim> d = new ArrayList<>();
      for (long v : s.toLongArray()) {
        d.add(Dim.of(v));
      }
      return List.of(new TensorType(x.elemType(), d));
    }
    long[] k = ctx.node().attrInts("kernel_shape", null);
    if (k == null) {
      throw new IllegalArgumentException("MaxUnpool: kernel_shape is required");
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = k.length;
    if (x.rank() != r + 2) {
      throw new IllegalArgumentException("MaxUnpool: X " + x + " must have " + (r + 2) + " dims for a kernel of " + r);
    }
    long[] s = ctx.node().attrInts("strides", null);
    long[] p = ctx.node().attrInts("pads", new long[2 * r]);
    List<Dim> out = new ArrayList<>(x.dims().subList(0, 2));
    for (int i = 0; i < r; i++) {
      Dim in = x.dims().get(i + 2);
      long st = s == null ? 1 : s[i];
      out.add(in.isKnown() ? Dim.of((in.value() - 1) * st + k[i] - p[i] - p[i + r]) : Dim.unknown());
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
