package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.OptionalValue;

/**
 * ONNX Optional (opset 15+): an optional holding its input (a tensor or a sequence), or, when
 * the input is omitted, an empty optional of the element type given by attribute {@code type}.
 */
public final class OptionalKernel implements ValueKernel {
  private final boolean typed;

  public OptionalKernel(Node node) {
    typed = node.hasAttr("type");
    if (!typed && (node.inputs().isEmpty() || node.input(0) == null)) {
      throw new IllegalArgumentException("an Optional without input needs attribute type");
    }
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    if (inputs.length == 0 || inputs[0] == null) {
      return new Object[] {OptionalValue.empty()};
    }
    if (inputs[0] instanceof OptionalValue) {
      throw new IllegalArgumentException("input must be a tensor or a sequence, got "
          + OptionalValue.describe(inputs[0]));
    }
    return new Object[] {OptionalValue.of(inputs[0])};
  }
}
