package dev.vireo.op.control;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.OpDefRegistry;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Loop: infers the body with (i64 scalar, bool scalar, loop-carried element types; shapes may
 * change between iterations). Loop-carried outputs keep what the initial value and the body's
 * result have in common; scan outputs are the body's elements with a leading unknown dim.
 */
public final class LoopDef implements OpDef {
  private final OpDefRegistry defs;

  /** @param defs the definitions the body is inferred with */
  public LoopDef(OpDefRegistry defs) {
    this.defs = defs;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Loop";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Graph body = SubgraphTypes.graph(ctx.node(), "body");
    int carried = ctx.inputCount() - 2;
    if (carried < 0 || body.inputs().size() != carried + 2) {
      throw new IllegalArgumentException("body takes " + body.inputs().size() + " inputs, the node feeds "
          + Math.max(0, carried) + " loop-carried values after M and cond");
    }
    if (body.outputs().size() < carried + 1) {
      throw new IllegalArgumentException("body returns " + body.outputs().size() + " outputs, expected at least "
          + (carried + 1));
    }
    List<ValueType> in = new ArrayList<>();
    in.add(new TensorType(DType.INT64, List.of()));
    in.add(new TensorType(DType.BOOL, List.of()));
    for (int i = 0; i < carried; i++) {
      in.add(SubgraphTypes.withoutShape(ctx.inputType(2 + i)));
    }
    SubgraphTypes.infer(body, in, defs);
    List<ValueType> result = new ArrayList<>();
    for (int i = 0; i < carried; i++) {
      ValueType init = ctx.inputType(2 + i);
      ValueType last = body.outputs().get(1 + i).type();
      result.add(init == null ? last : SubgraphTypes.common(init, last == null ? init : last));
    }
    for (int k = 1 + carried; k < body.outputs().size(); k++) {
      result.add(SubgraphTypes.insertDim(body.outputs().get(k).type(), 0, Dim.unknown()));
    }
    return result;
  }
}
