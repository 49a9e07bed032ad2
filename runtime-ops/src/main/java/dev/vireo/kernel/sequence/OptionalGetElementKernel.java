package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.OptionalValue;

/**
 * ONNX OptionalGetElement (opset 15+): the value an optional holds; an empty optional is an
 * error. From opset 18 a tensor or sequence input is returned as is.
 */
public final class OptionalGetElementKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Object v = inputs[0];
    if (v instanceof OptionalValue o) {
      if (!o.isPresent()) {
        throw new IllegalArgumentException("the optional input is empty");
      }
      return new Object[] {o.value()};
    }
    return new Object[] {v};
  }
}
