package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Tensor;

/** ONNX SequenceLength (opset 11+): the number of tensors in the sequence, as an i64 scalar. */
public final class SequenceLengthKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    return new Object[] {Tensor.scalar((long) SequenceArgs.sequence(inputs[0], "input_sequence").size())};
  }
}
