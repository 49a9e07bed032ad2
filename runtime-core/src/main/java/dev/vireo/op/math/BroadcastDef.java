package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.Dims;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Ops that broadcast their inputs multidirectionally: Add, Sub, Mul, Div, Pow, Mod, PRelu,
 * BitShift, BitwiseAnd/Or/Xor, Max, Min, Sum and Mean (any number of inputs), the comparisons
 * and And/Or/Xor (bool output). The output element type is
 * input 0's (bool for comparisons); all inputs must share it, except Pow's exponent. Before opset
 * 7, {@code broadcast=1} broadcasts B to A's shape, and PRelu's output has X's shape.
 */
public final class BroadcastDef implements OpDef {
  private final String opType;
  private final boolean boolOutput;

  public BroadcastDef(String opType, boolean boolOutput) {
    this.opType = opType;
    this.boolOutput = boolOutput;
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
    // before opset 7 (and for Max/Min before 8) B broadcasts to A only: A's shape is the output's
    // PRelu before opset 7: a 1-D slope may hold one value per channel (X's dim 1)
    boolean channelSlope = opType.equals("PRelu") && ctx.node().opset() < 7;
    if (ctx.node().opset() < 7 && (ctx.node().attrInt("broadcast", 0) != 0 || channelSlope)) {
      return List.of(new TensorType(boolOutput ? DType.BOOL : ctx.elemType(0), ctx.tensor(0).dims()));
    }
    List<TensorType> ins = new ArrayList<>();
    DType t = ctx.elemType(0);
    for (int i = 0; i < ctx.inputCount(); i++) {
      TensorType ti = ctx.tensor(i);
      if (!opType.equals("Pow") && t != null && ti.elemType() != null && ti.elemType() != t) {
        throw new IllegalArgumentException(opType + ": element types differ: " + ctx.tensor(0) + " and " + ti);
      }
      ins.add(ti);
    }
    return List.of(new TensorType(boolOutput ? DType.BOOL : t, Dims.broadcast(opType, ins)));
  }
}
