package dev.vireo.op.loss;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss, which share their signature: input
 * [N, C, d...] and target [N, d...] give the loss in the input's type, shaped like the target
 * with reduction none and a scalar otherwise; SoftmaxCrossEntropyLoss's optional second output
 * (log_prob) has the input's type and shape.
 */
public final class ClassLossDef implements OpDef {
  private final String opType;

  public ClassLossDef(String opType) {
    this.opType = opType;
  }

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return opType;
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    TensorType t = ctx.tensor(1);
    String reduction = ctx.node().attrString("reduction", "mean");
    if (!reduction.equals("none") && !reduction.equals("sum") && !reduction.equals("mean")) {
      throw new IllegalArgumentException(opType + ": reduction must be none, sum or mean, got '" + reduction + "'");
    }
    if (x.hasRank() && x.rank() < 2) {
      throw new IllegalArgumentException(opType + ": input must be [N, C, d...], got " + x);
    }
    TensorType loss;
    if (!reduction.equals("none")) {
      loss = new TensorType(x.elemType(), List.of());
    } else if (t.hasRank()) {
      loss = new TensorType(x.elemType(), t.dims());
    } else if (x.hasRank()) {
      List<Dim> d = new ArrayList<>(x.dims());
      d.remove(1);
      loss = new TensorType(x.elemType(), d);
    } else {
      loss = TensorType.unknownShape(x.elemType());
    }
    return opType.equals("SoftmaxCrossEntropyLoss") ? List.of(loss, x) : List.of(loss);
  }
}
