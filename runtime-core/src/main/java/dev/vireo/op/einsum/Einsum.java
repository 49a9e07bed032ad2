package dev.vireo.op.einsum;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Einsum: the output has input 0's element type and one dim per output label of {@link
 * EinsumEquation}, sized from the inputs (a broadcast ellipsis dim takes the largest known size
 * other than 1).
 */
public final class Einsum implements OpDef {
  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Einsum";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    int n = ctx.inputCount();
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      TensorType t = ctx.tensor(i);
      if (!t.hasRank()) {
        return List.of(TensorType.unknownShape(ctx.elemType(0)));
      }
      ranks[i] = t.rank();
    }
    String eq = ctx.node().attrString("equation", null);
    if (eq == null) {
      throw new IllegalArgumentException("Einsum: the equation attribute is required");
    }
    EinsumEquation e = EinsumEquation.parse(eq, ranks);
    Dim[] size = new Dim[e.labelSpace()];
    for (int i = 0; i < n; i++) {
      List<Dim> dims = ctx.tensor(i).dims();
      for (int a = 0; a < ranks[i]; a++) {
        int l = e.inputs()[i][a];
        Dim d = dims.get(a);
        if (size[l] == null || !size[l].isKnown() || (d.isKnown() && size[l].value() == 1 && l >= EinsumEquation.ELLIPSIS)) {
          size[l] = d.isKnown() || size[l] == null ? d : size[l];
        }
      }
    }
    List<Dim> out = new ArrayList<>();
    for (int l : e.output()) {
      out.add(size[l] == null ? Dim.of(1) : size[l]);
    }
    return List.of(new TensorType(ctx.elemType(0), out));
  }
}
