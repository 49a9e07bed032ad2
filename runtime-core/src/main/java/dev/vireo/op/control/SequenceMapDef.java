package dev.vireo.op.control;

import dev.vireo.ir.Graph;
import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.OpDefRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * SequenceMap: infers the body with the element types of sequence inputs and the types of tensor
 * inputs; each output is a sequence of the matching body output's type.
 */
public final class SequenceMapDef implements OpDef {
  private final OpDefRegistry defs;

  /** @param defs the definitions the body is inferred with */
  public SequenceMapDef(OpDefRegistry defs) {
    this.defs = defs;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "SequenceMap";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Graph body = SubgraphTypes.graph(ctx.node(), "body");
    if (body.inputs().size() != ctx.inputCount() || body.outputs().size() != ctx.node().outputs().size()) {
      throw new IllegalArgumentException("body has " + body.inputs().size() + " inputs and "
          + body.outputs().size() + " outputs, the node " + ctx.inputCount() + " and " + ctx.node().outputs().size());
    }
    List<ValueType> in = new ArrayList<>();
    for (int i = 0; i < ctx.inputCount(); i++) {
      ValueType t = ctx.inputType(i);
      in.add(t instanceof ValueType.SequenceType s ? s.elemType() : t);
    }
    SubgraphTypes.infer(body, in, defs);
    List<ValueType> result = new ArrayList<>();
    for (ValueType t : SubgraphTypes.outputs(body)) {
      result.add(new ValueType.SequenceType(t == null ? new ValueType.TensorType(null, null) : t));
    }
    return result;
  }
}
