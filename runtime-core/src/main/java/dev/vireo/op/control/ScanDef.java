package dev.vireo.op.control;

import dev.vireo.ir.Dim;
import dev.vireo.ir.Graph;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.op.OpDefRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Scan: infers the body with the states' types and the scan inputs' types without their scan
 * axis; the node outputs the states' types and the body's scan elements with the sequence length
 * inserted at each output's axis. The opset-8 form (batch axis 0, sequence axis 1) is inferred
 * the same way on the per-batch types, with the batch dim put back in front.
 */
public final class ScanDef implements OpDef {
  private final OpDefRegistry defs;

  /** @param defs the definitions the body is inferred with */
  public ScanDef(OpDefRegistry defs) {
    this.defs = defs;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "Scan";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    Graph body = SubgraphTypes.graph(ctx.node(), "body");
    boolean batched = ctx.node().opset() < 9;
    int first = batched ? 1 : 0;
    int scans = (int) ctx.node().attrInt("num_scan_inputs", 0);
    int states = ctx.inputCount() - first - scans;
    if (scans < 1 || states < 0 || body.inputs().size() != states + scans) {
      throw new IllegalArgumentException("num_scan_inputs " + scans + ", " + ctx.inputCount() + " inputs and "
          + body.inputs().size() + " body inputs do not fit together");
    }
    long[] inAxes = ctx.node().attrInts("scan_input_axes", new long[scans]);
    long[] outAxes = ctx.node().attrInts("scan_output_axes", new long[Math.max(0, body.outputs().size() - states)]);
    List<ValueType> in = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      ValueType t = ctx.inputType(first + s);
      in.add(batched ? SubgraphTypes.removeDim(t, 0) : t);
    }
    Dim length = Dim.unknown();
    for (int j = 0; j < scans; j++) {
      TensorType t = ctx.tensor(first + states + j);
      if (batched) {
        t = (TensorType) SubgraphTypes.removeDim(t, 0);
      }
      if (!t.hasRank()) {
        in.add(t);
        continue;
      }
      long a = batched ? 0 : j < inAxes.length ? inAxes[j] : 0;
      int axis = (int) (a < 0 ? a + t.rank() : a);
      if (axis < 0 || axis >= t.rank()) {
        throw new IllegalArgumentException("scan input " + j + " " + t + " has no axis " + a);
      }
      if (t.dims().get(axis).isKnown()) {
        length = t.dims().get(axis);
      }
      in.add(SubgraphTypes.removeDim(t, axis));
    }
    SubgraphTypes.infer(body, in, defs);
    List<ValueType> result = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      result.add(ctx.inputType(first + s));
    }
    Dim batch = batched && ctx.tensor(first + states).hasRank() ? ctx.tensor(first + states).dims().get(0)
        : Dim.unknown();
    for (int k = states; k < body.outputs().size(); k++) {
      long axis = batched ? 0 : k - states < outAxes.length ? outAxes[k - states] : 0;
      ValueType t = SubgraphTypes.insertDim(body.outputs().get(k).type(), axis, length);
      result.add(batched ? SubgraphTypes.insertDim(t, 0, batch) : t);
    }
    return result;
  }
}
