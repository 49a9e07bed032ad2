package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.TensorSequence;

/**
 * ONNX ConcatFromSequence (opset 11+): concatenates a non-empty sequence's tensors along {@code
 * axis} (required), or, with {@code new_axis} = 1, stacks them along a new axis {@code axis} in
 * {@code [-r-1, r]}.
 */
public final class ConcatFromSequenceKernel implements ValueKernel {
  private final long axis;
  private final boolean newAxis;

  /**
   * @throws IllegalArgumentException when {@code axis} is missing or {@code new_axis} is not 0 or 1
   */
  public ConcatFromSequenceKernel(Node node) {
    if (!node.hasAttr("axis")) {
      throw new IllegalArgumentException("missing attribute axis");
    }
    axis = node.attrInt("axis", 0);
    long n = node.attrInt("new_axis", 0);
    if (n != 0 && n != 1) {
      throw new IllegalArgumentException("new_axis must be 0 or 1, got " + n);
    }
    newAxis = n == 1;
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    TensorSequence s = SequenceArgs.sequence(inputs[0], "input_sequence");
    if (s.size() == 0) {
      throw new IllegalArgumentException("cannot concatenate an empty sequence");
    }
    int rank = s.get(0).rank();
    if (newAxis) {
      return new Object[] {AxisCopy.stack(s.tensors(), Shape.normalizeAxis(axis, rank + 1), ctx)};
    }
    return new Object[] {AxisCopy.concat(s.tensors(), Shape.normalizeAxis(axis, rank), ctx)};
  }
}
