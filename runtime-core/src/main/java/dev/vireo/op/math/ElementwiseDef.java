package dev.vireo.op.math;

import dev.vireo.ir.ValueType;
import dev.vireo.ir.ValueType.TensorType;
import dev.vireo.op.InferenceContext;
import dev.vireo.op.OpDef;
import dev.vireo.tensor.DType;
import java.util.List;

/**
 * An op whose output has exactly its first input's type and shape: the element-wise functions
 * (Relu, Sigmoid, Tanh, Erf, ..., Not), Clip, LeakyRelu and Softmax; or its shape with a fixed
 * element type (IsNaN and IsInf: bool). These differ only in their math, so one definition
 * serves each of them under its own op type.
 */
public final class ElementwiseDef implements OpDef {
  private final String opType;
  private final DType outType;

  /** The output has input 0's element type. */
  public ElementwiseDef(String opType) {
    this(opType, null);
  }

  /** The output has element type {@code outType} (null: input 0's). */
  public ElementwiseDef(String opType, DType outType) {
    this.opType = opType;
    this.outType = outType;
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
    TensorType in = ctx.tensor(0);
    return List.of(outType == null ? in : new TensorType(outType, in.dims()));
  }
}
