package dev.vireo.op.control;

import dev.vireo.ir.Graph;
import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.OpDefRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * If: infers both branches; each output has what the two branches' outputs have in common
 * (branches may differ in shape).
 */
public final class IfDef implements OpDef {
  private final OpDefRegistry defs;

  /** @param defs the definitions the branches are inferred with */
  public IfDef(OpDefRegistry defs) {
    this.defs = defs;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "If";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Graph then = SubgraphTypes.graph(ctx.node(), "then_branch");
    Graph otherwise = SubgraphTypes.graph(ctx.node(), "else_branch");
    int outs = ctx.node().outputs().size();
    if (then.outputs().size() != outs || otherwise.outputs().size() != outs) {
      throw new IllegalArgumentException("the node has " + outs + " outputs but then_branch has "
          + then.outputs().size() + " and else_branch " + otherwise.outputs().size());
    }
    SubgraphTypes.infer(then, List.of(), defs);
    SubgraphTypes.infer(otherwise, List.of(), defs);
    List<ValueType> result = new ArrayList<>();
    for (int i = 0; i < outs; i++) {
      result.add(SubgraphTypes.common(then.outputs().get(i).type(), otherwise.outputs().get(i).type()));
    }
    return result;
  }
}
