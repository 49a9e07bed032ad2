package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX SequenceInsert (opset 11+): a new sequence with {@code tensor} inserted before {@code
 * position} (default: appended; valid range {@code [-n, n]}). The tensor's element type must be
 * the sequence's.
 */
public final class SequenceInsertKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    TensorSequence s = SequenceArgs.sequence(inputs[0], "input_sequence");
    Tensor t = SequenceArgs.tensor(inputs[1], "tensor");
    if (t.dtype() != s.elemType()) {
      throw new IllegalArgumentException("cannot insert a " + t.describe() + " tensor into a sequence of "
          + s.elemType());
    }
    int p = inputs.length > 2 && inputs[2] != null
        ? SequenceArgs.position(SequenceArgs.scalar(inputs[2], "position"), s.size(), 1, "position")
        : s.size();
    List<Tensor> l = new ArrayList<>(s.tensors());
    l.add(p, t);
    return new Object[] {new TensorSequence(s.elemType(), l)};
  }
}
