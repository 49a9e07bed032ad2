package dev.vireo.op.sequence;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * SplitToSequence: a sequence of the input's element type and rank (one less without {@code
 * split} and with {@code keepdims} 0); the split axis becomes 1 without {@code split}, unknown
 * otherwise.
 */
public final class SplitToSequenceDef extends SequenceOpDef {
  public SplitToSequenceDef() {
    super("SplitToSequence");
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType in = ctx.tensor(0);
    if (!in.hasRank()) {
      return List.of(new ValueType.SequenceType(new TensorType(in.elemType(), null)));
    }
    int axis = Dims.axis("SplitToSequence", ctx.node().attrInt("axis", 0), in.rank(), in);
    boolean noSplit = !ctx.hasInput(1);
    List<Dim> dims = new ArrayList<>(in.dims());
    if (noSplit && ctx.node().attrInt("keepdims", 1) == 0) {
      dims.remove(axis);
    } else {
      dims.set(axis, noSplit ? Dim.of(1) : Dim.unknown());
    }
    return List.of(new ValueType.SequenceType(new TensorType(in.elemType(), dims)));
  }
}
