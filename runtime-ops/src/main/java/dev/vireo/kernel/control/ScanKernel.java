package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.kernel.sequence.AxisCopy;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * ONNX Scan, opset 9+: iterates {@code body} over slices of the M scan inputs (inputs after the
 * N initial states).
 *
 * <p>Each iteration the body takes the N current states and one slice of each scan input (taken
 * along {@code scan_input_axes[j]}, default 0, in reverse when {@code scan_input_directions[j]}
 * is 1) with that axis removed, and returns N new states and K scan output elements. The node
 * outputs the final states, then each scan output: its elements stacked along {@code
 * scan_output_axes[k]} (default 0; negative counts from the back of the output rank), in reverse
 * iteration order when {@code scan_output_directions[k]} is 1. All scan inputs must have the same
 * length along their scan axis.
 */
public final class ScanKernel implements ValueKernel {
  private final Subgraph body;
  private final int states;
  private final int scanInputs;
  private final int scanOutputs;
  private final long[] inputAxes;
  private final long[] inputDirections;
  private final long[] outputAxes;
  private final long[] outputDirections;

  /**
   * @throws IllegalArgumentException when num_scan_inputs is missing, an attribute list has the
   *     wrong length, or the body's inputs and outputs do not fit the node's
   */
  public ScanKernel(Node node, KernelRegistry registry) {
    body = new Subgraph(node, "body", registry);
    if (!node.hasAttr("num_scan_inputs")) {
      throw new IllegalArgumentException("missing attribute num_scan_inputs");
    }
    scanInputs = (int) node.attrInt("num_scan_inputs", 0);
    states = node.inputs().size() - scanInputs;
    if (scanInputs < 1 || states < 0) {
      throw new IllegalArgumentException("num_scan_inputs is " + scanInputs + " but the node has "
          + node.inputs().size() + " inputs");
    }
    if (body.inputCount() != states + scanInputs) {
      throw new IllegalArgumentException("body takes " + body.inputCount() + " inputs, expected "
          + (states + scanInputs) + " (" + states + " states and " + scanInputs + " scan slices)");
    }
    scanOutputs = body.outputCount() - states;
    if (scanOutputs < 0 || node.outputs().size() > body.outputCount()) {
      throw new IllegalArgumentException("body returns " + body.outputCount() + " outputs for "
          + states + " states; the node has " + node.outputs().size() + " outputs");
    }
    inputAxes = list(node, "scan_input_axes", scanInputs);
    inputDirections = list(node, "scan_input_directions", scanInputs);
    outputAxes = list(node, "scan_output_axes", scanOutputs);
    outputDirections = list(node, "scan_output_directions", scanOutputs);
  }

  static long[] list(Node node, String name, int length) {
    long[] v = node.attrInts(name, new long[length]);
    if (v.length != length) {
      throw new IllegalArgumentException(name + " has " + v.length + " entries, expected " + length);
    }
    return v;
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    Tensor[] scans = new Tensor[scanInputs];
    int[] axes = new int[scanInputs];
    int length = -1;
    for (int j = 0; j < scanInputs; j++) {
      scans[j] = Subgraph.tensor(inputs[states + j], "scan input " + j);
      axes[j] = Shape.normalizeAxis(inputAxes[j], scans[j].rank());
      int l = scans[j].shape().dim(axes[j]);
      if (length >= 0 && l != length) {
        throw new IllegalArgumentException("scan input " + j + " " + scans[j].describe() + " has length " + l
            + " along axis " + axes[j] + ", scan input 0 has " + length);
      }
      length = l;
    }
    Object[] init = Arrays.copyOf(inputs, states);
    List<List<Tensor>> elements = new ArrayList<>();
    Object[] last = iterate(body, inputs, init, scans, axes, inputDirections, length, scanOutputs, elements, ctx);
    Object[] result = new Object[states + scanOutputs];
    System.arraycopy(last, 0, result, 0, states);
    for (int k = 0; k < scanOutputs; k++) {
      List<Tensor> parts = elements.get(k);
      Value declared = body.graph().outputs().get(states + k);
      if (parts.isEmpty()) {
        result[states + k] = emptyOutput(declared, outputAxes[k], ctx);
        continue;
      }
      if (outputDirections[k] == 1) {
        Collections.reverse(parts);
      }
      int axis = Shape.normalizeAxis(outputAxes[k], parts.get(0).rank() + 1);
      result[states + k] = AxisCopy.stack(parts, axis, ctx);
    }
    return result;
  }

  /**
   * Runs the body {@code length} times.
   *
   * @param elements filled with one list per scan output: its elements in iteration order
   * @return the final states
   */
  static Object[] iterate(Subgraph body, Object[] kernelInputs, Object[] init, Tensor[] scans, int[] axes,
      long[] directions, int length, int scanOutputs, List<List<Tensor>> elements, ExecContext ctx) {
    int states = init.length;
    for (int k = 0; k < scanOutputs; k++) {
      elements.add(new ArrayList<>());
    }
    Object[] state = init.clone();
    for (int t = 0; t < length; t++) {
      Object[] args = new Object[states + scans.length];
      System.arraycopy(state, 0, args, 0, states);
      for (int j = 0; j < scans.length; j++) {
        int index = directions[j] == 1 ? length - 1 - t : t;
        args[states + j] = AxisCopy.take(scans[j], axes[j], index, ctx);
      }
      Object[] out = body.run(kernelInputs, args, ctx);
      System.arraycopy(out, 0, state, 0, states);
      for (int k = 0; k < scanOutputs; k++) {
        elements.get(k).add(Subgraph.tensor(out[states + k], "scan output " + k));
      }
    }
    return state;
  }

  /** A scan output of zero iterations, shaped after the body output's declaration when static. */
  static Tensor emptyOutput(Value declared, long axis, ExecContext ctx) {
    if (declared.type() instanceof ValueType.TensorType t && t.elemType() != null && t.elemType().hasStorage()
        && t.isStatic()) {
      return AxisCopy.emptyStack(t.elemType(), t.shape(), Shape.normalizeAxis(axis, t.rank() + 1), ctx);
    }
    throw new IllegalArgumentException("zero iterations and scan output '" + declared.name()
        + "' has no static declared shape to build an empty result from");
  }
}
