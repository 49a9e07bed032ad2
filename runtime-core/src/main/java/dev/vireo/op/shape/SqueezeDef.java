package dev.vireo.op.shape;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Squeeze and Unsqueeze. Axes: the {@code axes} attribute before opset 13, constant input 1 from
 * opset 13. Squeeze without axes drops the dims known to be 1 (unknown dims make the result
 * unknown); Unsqueeze's axes index the output.
 */
public final class SqueezeDef implements OpDef {
  private final boolean unsqueeze;

  public SqueezeDef(boolean unsqueeze) {
    this.unsqueeze = unsqueeze;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return unsqueeze ? "Unsqueeze" : "Squeeze";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    long[] axes;
    // opset 13: axes moved from an attribute to input 1
    if (ctx.node().opset() >= 13) {
      axes = ctx.hasInput(1) ? ShapeDefs.ints(ctx.constant(1)) : null;
      if (ctx.hasInput(1) && axes == null) {
        return List.of(TensorType.unknownShape(x.elemType()));
      }
    } else {
      axes = ctx.node().attrInts("axes", null);
    }
    if (!x.hasRank()) {
      return List.of(TensorType.unknownShape(x.elemType()));
    }
    if (unsqueeze) {
      if (axes == null) {
        throw new IllegalArgumentException("Unsqueeze needs axes");
      }
      int r = x.rank() + axes.length;
      boolean[] ins = mark(axes, r, x);
      List<Dim> out = new ArrayList<>(r);
      int k = 0;
      for (int i = 0; i < r; i++) {
        out.add(ins[i] ? Dim.of(1) : x.dims().get(k++));
      }
      return List.of(new TensorType(x.elemType(), out));
    }
    List<Dim> out = new ArrayList<>();
    if (axes == null) {
      for (Dim d : x.dims()) {
        if (!d.isKnown()) {
          return List.of(TensorType.unknownShape(x.elemType()));
        }
        if (d.value() != 1) {
          out.add(d);
        }
      }
      return List.of(new TensorType(x.elemType(), out));
    }
    boolean[] drop = mark(axes, x.rank(), x);
    for (int i = 0; i < x.rank(); i++) {
      Dim d = x.dims().get(i);
      if (drop[i] && d.isKnown() && d.value() != 1) {
        throw new IllegalArgumentException("Squeeze: dim " + i + " of " + x + " is " + d + ", not 1");
      }
      if (!drop[i]) {
        out.add(d);
      }
    }
    return List.of(new TensorType(x.elemType(), out));
  }

  private boolean[] mark(long[] axes, int r, TensorType x) {
    boolean[] m = new boolean[r];
    for (long a : axes) {
      long n = a < 0 ? a + r : a;
      if (n < 0 || n >= r || m[(int) n]) {
        throw new IllegalArgumentException(opType() + ": axes " + Arrays.toString(axes)
            + " are out of range or repeated for " + (unsqueeze ? "output rank " + r + " of " : "") + x);
      }
      m[(int) n] = true;
    }
    return m;
  }
}
