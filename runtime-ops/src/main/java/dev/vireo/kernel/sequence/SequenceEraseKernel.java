package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX SequenceErase (opset 11+): a new sequence without the tensor at {@code position}
 * (default: the last; valid range {@code [-n, n-1]}).
 */
public final class SequenceEraseKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    TensorSequence s = SequenceArgs.sequence(inputs[0], "input_sequence");
    long given = inputs.length > 1 && inputs[1] != null ? SequenceArgs.scalar(inputs[1], "position") : -1;
    int p = SequenceArgs.position(given, s.size(), 0, "position");
    List<Tensor> l = new ArrayList<>(s.tensors());
    l.remove(p);
    return new Object[] {new TensorSequence(s.elemType(), l)};
  }
}
