package dev.vireo.op.convt;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * ConvTranspose: X [N, C, in...] and W [C, M/group, k...] give [N, M, out...] in X's type, the
 * spatial sizes by {@link ConvTransposeAttributes} (known when X's spatial dims and the kernel
 * are).
 */
public final class ConvTranspose implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "ConvTranspose";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType w = ctx.tensor(1);
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    int r = x.rank() - 2;
    if (r < 1) {
      throw new IllegalArgumentException("ConvTranspose: X must be [N, C, spatial...], got " + x);
    }
    ConvTransposeAttributes a = ConvTransposeAttributes.read(ctx.node());
    List<Dim> out = new ArrayList<>();
    out.add(x.dims().get(0));
    Dim m = Dim.unknown();
    if (w.hasRank() && w.rank() == x.rank() && w.dims().get(1).isKnown()) {
      m = Dim.of(w.dims().get(1).value() * a.group());
    }
    out.add(m);
    long[] in = new long[r];
    long[] k = new long[r];
    boolean known = true;
    for (int i = 0; i < r; i++) {
      Dim d = x.dims().get(i + 2);
      in[i] = d.value();
      known &= d.isKnown();
      if (a.kernel() == null) {
        Dim kd = w.hasRank() && w.rank() == x.rank() ? w.dims().get(i + 2) : Dim.unknown();
        k[i] = kd.value();
        known &= kd.isKnown();
      }
    }
    if (known) {
      for (int o : a.resolve(in, k).out()) {
        out.add(Dim.of(o));
      }
    } else {
      for (int i = 0; i < r; i++) {
        out.add(Dim.unknown());
      }
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
