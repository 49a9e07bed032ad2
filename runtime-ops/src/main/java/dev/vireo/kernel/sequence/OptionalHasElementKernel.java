package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;

/**
 * ONNX OptionalHasElement (opset 15+): a bool scalar, true when the input optional holds a
 * value. From opset 18 the input may also be a tensor or sequence (true) or omitted (false).
 */
public final class OptionalHasElementKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    boolean has = inputs.length > 0 && inputs[0] != null
        && (!(inputs[0] instanceof OptionalValue o) || o.isPresent());
    return new Object[] {Tensor.of(new boolean[] {has})};
  }
}
