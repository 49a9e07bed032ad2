package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import java.util.List;

/**
 * An op whose output has exactly its first input's type and shape: the element-wise functions
 * (Relu, Sigmoid, Tanh, Erf, ..., Not), Clip, LeakyRelu, Softmax and LogSoftmax. These differ only in
 * their math, so one definition serves each of them under its own op type.
 */
public final class ElementwiseDef implements OpDef {
  private final String opType;

  public ElementwiseDef(String opType) {
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
    return List.of(ctx.tensor(0));
  }
}
