package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.OptionalValue;
import dev.vireo.tensor.Tensor;
import dev.vireo.tensor.TensorSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX SequenceMap (opset 17+): runs {@code body} once per element of the first input (a
 * sequence). Other sequence inputs must have the same length and contribute their element at the
 * same position; tensor inputs are passed whole every time. Each body output is collected into
 * an output sequence, in input order. For an empty input, an output sequence takes its element
 * type from the body output's declared type, else from the first input.
 */
public final class SequenceMapKernel implements ValueKernel {
  private final Subgraph body;
  private final int inputs;

  /**
   * @throws IllegalArgumentException when the body's input or output count differs from the node's
   */
  public SequenceMapKernel(Node node, KernelRegistry registry) {
    body = new Subgraph(node, "body", registry);
    inputs = node.inputs().size();
    if (body.inputCount() != inputs || body.outputCount() != node.outputs().size()) {
      throw new IllegalArgumentException("body has " + body.inputCount() + " inputs and " + body.outputCount()
          + " outputs, the node " + inputs + " and " + node.outputs().size());
    }
  }

  @Override
  public Object[] runValues(Object[] args, ExecContext ctx) {
    if (!(args[0] instanceof TensorSequence first)) {
      throw new IllegalArgumentException("input 0 must be a sequence, got " + OptionalValue.describe(args[0]));
    }
    int n = first.size();
    for (int j = 1; j < inputs; j++) {
      if (args[j] instanceof TensorSequence s && s.size() != n) {
        throw new IllegalArgumentException("input " + j + " has " + s.size() + " elements, input 0 has " + n);
      }
    }
    List<List<Tensor>> collected = new ArrayList<>();
    for (int k = 0; k < body.outputCount(); k++) {
      collected.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      Object[] feed = new Object[inputs];
      for (int j = 0; j < inputs; j++) {
        feed[j] = args[j] instanceof TensorSequence s ? s.get(i) : args[j];
      }
      Object[] out = body.run(args, feed, ctx);
      for (int k = 0; k < out.length; k++) {
        collected.get(k).add(Subgraph.tensor(out[k], "body output " + k));
      }
    }
    Object[] result = new Object[collected.size()];
    for (int k = 0; k < result.length; k++) {
      List<Tensor> l = collected.get(k);
      result[k] = new TensorSequence(l.isEmpty() ? emptyType(k, first) : l.get(0).dtype(), l);
    }
    return result;
  }

  private DType emptyType(int k, TensorSequence first) {
    ValueType t = body.graph().outputs().get(k).type();
    return t instanceof ValueType.TensorType tt && tt.elemType() != null ? tt.elemType() : first.elemType();
  }
}
