package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.kernel.sequence.AxisCopy;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX Scan, opset 8: the batched form. Inputs are (sequence_lens: optional i64 [batch], N
 * initial states with a leading batch axis, M scan inputs shaped [batch, sequence, ...]).
 *
 * <p>Each batch entry is scanned on its own: states and scan inputs lose the batch axis, the
 * sequence axis (1) is iterated for {@code sequence_lens[b]} steps (default: its full length),
 * in reverse for inputs whose {@code directions} entry is 1. Final states are stacked over the
 * batch; scan output elements are stacked along a new sequence axis after the batch axis, padded
 * with zeros up to the maximum sequence length.
 */
public final class Scan8Kernel implements ValueKernel {
  private final Subgraph body;
  private final int states;
  private final int scanInputs;
  private final int scanOutputs;
  private final long[] directions;

  /**
   * @throws IllegalArgumentException when num_scan_inputs is missing or the body does not fit
   */
  public Scan8Kernel(Node node, KernelRegistry registry) {
    body = new Subgraph(node, "body", registry);
    if (!node.hasAttr("num_scan_inputs")) {
      throw new IllegalArgumentException("missing attribute num_scan_inputs");
    }
    scanInputs = (int) node.attrInt("num_scan_inputs", 0);
    states = node.inputs().size() - 1 - scanInputs;
    if (scanInputs < 1 || states < 0) {
      throw new IllegalArgumentException("num_scan_inputs is " + scanInputs + " but the node has "
          + node.inputs().size() + " inputs (sequence_lens, states, scan inputs)");
    }
    if (body.inputCount() != states + scanInputs) {
      throw new IllegalArgumentException("body takes " + body.inputCount() + " inputs, expected "
          + (states + scanInputs) + " (" + states + " states and " + scanInputs + " scan slices)");
    }
    scanOutputs = body.outputCount() - states;
    if (scanOutputs < 0) {
      throw new IllegalArgumentException("body returns " + body.outputCount() + " outputs for " + states + " states");
    }
    directions = ScanKernel.list(node, "directions", scanInputs);
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Tensor[] scans = new Tensor[scanInputs];
    for (int j = 0; j < scanInputs; j++) {
      scans[j] = Subgraph.tensor(inputs[1 + states + j], "scan input " + j);
      if (scans[j].rank() < 2) {
        throw new IllegalArgumentException("scan input " + j + " must be [batch, sequence, ...], got "
            + scans[j].describe());
      }
      if (scans[j].shape().dim(0) != scans[0].shape().dim(0) || scans[j].shape().dim(1) != scans[0].shape().dim(1)) {
        throw new IllegalArgumentException("scan inputs " + scans[0].describe() + " and " + scans[j].describe()
            + " differ in batch or sequence length");
      }
    }
    int batch = scans[0].shape().dim(0);
    if (batch == 0) {
      throw new IllegalArgumentException("scan inputs have batch size 0: " + scans[0].describe());
    }
    int maxLength = scans[0].shape().dim(1);
    long[] lengths = null;
    if (inputs[0] != null) {
      lengths = Subgraph.tensor(inputs[0], "sequence_lens").toLongArray();
      if (lengths.length != batch) {
        throw new IllegalArgumentException("sequence_lens has " + lengths.length + " entries for batch " + batch);
      }
    }
    List<List<Tensor>> finalStates = new ArrayList<>();
    List<List<Tensor>> outputs = new ArrayList<>();
    for (int k = 0; k < states + scanOutputs; k++) {
      (k < states ? finalStates : outputs).add(new ArrayList<>());
    }
    int[] axes = new int[scanInputs];
    for (int b = 0; b < batch; b++) {
      int length = lengths == null ? maxLength : (int) lengths[b];
      if (length < 0 || length > maxLength) {
        throw new IllegalArgumentException("sequence_lens[" + b + "] = " + length + " is outside [0, " + maxLength + "]");
      }
      Object[] init = new Object[states];
      for (int s = 0; s < states; s++) {
        init[s] = AxisCopy.take(Subgraph.tensor(inputs[1 + s], "initial state " + s), 0, b, ctx);
      }
      Tensor[] slices = new Tensor[scanInputs];
      for (int j = 0; j < scanInputs; j++) {
        slices[j] = AxisCopy.take(scans[j], 0, b, ctx);
      }
      List<List<Tensor>> elements = new ArrayList<>();
      Object[] last = ScanKernel.iterate(body, inputs, init, slices, axes, directions, length, scanOutputs,
          elements, ctx);
      for (int s = 0; s < states; s++) {
        finalStates.get(s).add(Subgraph.tensor(last[s], "final state " + s));
      }
      for (int k = 0; k < scanOutputs; k++) {
        outputs.get(k).add(padded(elements.get(k), maxLength, k, ctx));
      }
    }
    Object[] result = new Object[states + scanOutputs];
    for (int s = 0; s < states; s++) {
      result[s] = AxisCopy.stack(finalStates.get(s), 0, ctx);
    }
    for (int k = 0; k < scanOutputs; k++) {
      result[states + k] = AxisCopy.stack(outputs.get(k), 0, ctx);
    }
    return result;
  }

  /** One batch entry's scan output: its elements stacked and zero-padded to {@code maxLength}. */
  private Tensor padded(List<Tensor> elements, int maxLength, int k, ExecContext ctx) {
    if (elements.isEmpty()) {
      Tensor empty = ScanKernel.emptyOutput(body.graph().outputs().get(states + k), 0, ctx);
      return ctx.allocate(empty.dtype(), AxisCopy.insertAxis(AxisCopy.removeAxis(empty.shape(), 0), 0, maxLength));
    }
    Tensor stacked = AxisCopy.stack(elements, 0, ctx);
    if (elements.size() == maxLength) {
      return stacked;
    }
    Tensor pad = ctx.allocate(stacked.dtype(),
        AxisCopy.insertAxis(elements.get(0).shape(), 0, maxLength - elements.size()));
    return AxisCopy.concat(List.of(stacked, pad), 0, ctx);
  }
}
