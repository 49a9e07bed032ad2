package dev.vireo.kernel.sequence;

import dev.vireo.exec.ExecContext;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayList;
import java.util.List;

/** ONNX SequenceConstruct (opset 11+): a sequence of its one or more inputs, which share an element type. */
public final class SequenceConstructKernel implements ValueKernel {
  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    if (inputs.length == 0) {
      throw new IllegalArgumentException("SequenceConstruct needs at least one input");
    }
    List<Tensor> tensors = new ArrayList<>(inputs.length);
    for (int i = 0; i < inputs.length; i++) {
      Tensor t = SequenceArgs.tensor(inputs[i], "input " + i);
      if (t.dtype() != SequenceArgs.tensor(inputs[0], "input 0").dtype()) {
        throw new IllegalArgumentException("input " + i + " is " + t.describe() + " but input 0 is "
            + SequenceArgs.tensor(inputs[0], "input 0").describe() + ": a sequence holds one element type");
      }
      tensors.add(t);
    }
    return new Object[] {new TensorSequence(tensors.get(0).dtype(), tensors)};
  }
}
