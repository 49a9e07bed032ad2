package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.TensorSequence;

/**
 * ONNX SequenceAt (opset 11+): the tensor at {@code position} (a single i32 or i64, negative
 * counting from the back; valid range {@code [-n, n-1]}).
 */
public final class SequenceAtKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    TensorSequence s = SequenceArgs.sequence(inputs[0], "input_sequence");
    int p = SequenceArgs.position(SequenceArgs.scalar(inputs[1], "position"), s.size(), 0, "position");
    return new Object[] {s.get(p)};
  }
}
