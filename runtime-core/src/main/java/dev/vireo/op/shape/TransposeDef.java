package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Transpose: dims permuted by {@code perm} (default reversed). */
public final class TransposeDef implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Transpose";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] perm = ctx.node().attrInts("perm", null);
    if (!x.hasRank()) {
      return List.of(new TensorType(x.elemType(), perm == null ? null : dev.vireo.op.Dims.unknown(perm.length)));
    }
    int r = x.rank();
    List<Dim> out = new ArrayList<>(r);
    if (perm == null) {
      for (int i = r - 1; i >= 0; i--) {
        out.add(x.dims().get(i));
      }
      return List.of(new TensorType(x.elemType(), out));
    }
    boolean[] seen = new boolean[r];
    boolean ok = perm.length == r;
    for (int i = 0; ok && i < r; i++) {
      long p = perm[i] < 0 ? perm[i] + r : perm[i];
      ok = p >= 0 && p < r && !seen[(int) p];
      if (ok) {
        seen[(int) p] = true;
        out.add(x.dims().get((int) p));
      }
    }
    if (!ok) {
      throw new IllegalArgumentException("Transpose: perm " + Arrays.toString(perm)
          + " is not a permutation of the " + r + " dims of " + x);
    }
    return List.of(new TensorType(x.elemType(), out));
  }
}
