package dev.vireo.op.nn;

import dev.vireo.ir.Dim;
import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * BatchNormalization: Y has X's type (and with training_mode=1 the running statistics have the
 * input statistics' types); the per-channel parameters must have C
 * elements (or, with spatial=0 before opset 9, X's shape without the batch dim).
 */
public final class BatchNormalizationDef implements OpDef {
  private static final String[] PARAMS = {"scale", "B", "mean", "var"};

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String opType() {
    return "BatchNormalization";
  }

  @Override
  public List<ValueType> infer(InferenceContext ctx) {
    TensorType x = ctx.tensor(0);
    boolean spatial = ctx.node().opset() >= 9 || ctx.node().attrInt("spatial", 1) != 0;
    if (x.hasRank() && x.rank() >= 2 && spatial) {
      Dim c = x.dims().get(1);
      for (int i = 1; i <= 4 && i < ctx.inputCount(); i++) {
        TensorType p = ctx.tensor(i);
        if (c.isKnown() && p.hasRank() && p.rank() == 1 && p.dims().get(0).isKnown()
            && p.dims().get(0).value() != c.value()) {
          throw new IllegalArgumentException("BatchNormalization: " + PARAMS[i - 1] + " " + p
              + " does not fit the " + c + " channels of X " + x);
        }
      }
    }
    // training_mode=1 (opset 14+): running_mean and running_var have the input statistics' types
    boolean training = ctx.node().attrInt("training_mode", 0) != 0;
    return training && ctx.inputCount() > 4 ? List.of(x, ctx.tensor(3), ctx.tensor(4)) : List.of(x);
  }
}
