package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.ir.Value;
import dev.vireo.ir.ValueType;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;
import dev.vireo.kernel.sequence.AxisCopy;
import dev.vireo.tensor.DType;
import dev.vireo.tensor.Shape;
import dev.vireo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX Loop (opset 1+): runs {@code body} while the iteration count is below the trip count
 * {@code M} (input 0, omitted = unbounded) and the condition holds ({@code cond}, input 1,
 * omitted = true). The body's condition output is honoured even when {@code cond} is omitted
 * (as onnxruntime and the ONNX reference implementation do, although the spec's pseudo-code
 * calls it ignored then).
 *
 * <p>The body takes (iteration number: i64 scalar, condition: bool scalar, loop-carried values)
 * and returns (condition, loop-carried values, scan output elements). The node outputs the final
 * loop-carried values (the initial ones when no iteration runs), then each scan output: its
 * per-iteration elements stacked along a new first axis. With zero iterations a scan output is
 * empty along that axis, typed and shaped after the body output's declared or inferred type when
 * it is static; a shape that is not is taken as {@code [0]}, an unknown element type as float.
 */
public final class LoopKernel implements ValueKernel {
  private final Subgraph body;
  private final int carried;
  private final int scans;

  /**
   * @throws IllegalArgumentException when the body's inputs or outputs do not fit the node's
   */
  public LoopKernel(Node node, KernelRegistry registry) {
    body = new Subgraph(node, "body", registry);
    carried = node.inputs().size() - 2;
    if (carried < 0) {
      throw new IllegalArgumentException("Loop needs inputs M and cond (each may be empty), got "
          + node.inputs().size() + " inputs");
    }
    if (body.inputCount() != carried + 2) {
      throw new IllegalArgumentException("body takes " + body.inputCount() + " inputs, expected "
          + (carried + 2) + " (iteration number, condition and " + carried + " loop-carried values)");
    }
    scans = body.outputCount() - 1 - carried;
    if (scans < 0) {
      throw new IllegalArgumentException("body returns " + body.outputCount() + " outputs, expected at least "
          + (carried + 1) + " (condition and " + carried + " loop-carried values)");
    }
    if (node.outputs().size() > carried + scans) {
      throw new IllegalArgumentException("the node has " + node.outputs().size() + " outputs but the body yields "
          + carried + " loop-carried values and " + scans + " scan outputs");
    }
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    long tripCount = Long.MAX_VALUE;
    if (inputs[0] != null) {
      Tensor m = Subgraph.tensor(inputs[0], "M");
      if (m.size() != 1) {
        throw new IllegalArgumentException("M must hold one element, got " + m.describe());
      }
      tripCount = m.getLong(0);
    }
    boolean cond = true;
    if (inputs[1] != null) {
      cond = truth(Subgraph.tensor(inputs[1], "cond"), "cond");
    }
    Object[] state = new Object[carried];
    for (int i = 0; i < carried; i++) {
      state[i] = inputs[2 + i];
      if (state[i] == null) {
        throw new IllegalArgumentException("loop-carried input " + i + " has no value");
      }
    }
    List<List<Tensor>> scanned = new ArrayList<>();
    for (int k = 0; k < scans; k++) {
      scanned.add(new ArrayList<>());
    }
    for (long i = 0; i < tripCount && cond; i++) {
      Object[] args = new Object[carried + 2];
      args[0] = Tensor.scalar(i);
      args[1] = Tensor.of(new boolean[] {cond});
      System.arraycopy(state, 0, args, 2, carried);
      Object[] out = body.run(inputs, args, ctx);
      cond = truth(Subgraph.tensor(out[0], "body output 0 (condition)"), "body condition");
      System.arraycopy(out, 1, state, 0, carried);
      for (int k = 0; k < scans; k++) {
        scanned.get(k).add(Subgraph.tensor(out[1 + carried + k], "scan output " + k));
      }
    }
    Object[] result = new Object[carried + scans];
    System.arraycopy(state, 0, result, 0, carried);
    for (int k = 0; k < scans; k++) {
      List<Tensor> parts = scanned.get(k);
      result[carried + k] = parts.isEmpty()
          ? emptyScan(body.graph().outputs().get(1 + carried + k), ctx)
          : AxisCopy.stack(parts, 0, ctx);
    }
    return result;
  }

  private static Tensor emptyScan(Value bodyOutput, ExecContext ctx) {
    if (bodyOutput.type() instanceof ValueType.TensorType t && t.elemType() != null && t.elemType().hasStorage()) {
      Shape element = t.isStatic() ? t.shape() : Shape.SCALAR;
      return AxisCopy.emptyStack(t.elemType(), element, 0, ctx);
    }
    return AxisCopy.emptyStack(DType.FLOAT, Shape.SCALAR, 0, ctx);
  }

  static boolean truth(Tensor t, String what) {
    if (t.size() != 1) {
      throw new IllegalArgumentException(what + " must hold one element, got " + t.describe());
    }
    return t.dtype() == DType.BOOL ? t.booleans()[0] : t.getDouble(0) != 0;
  }
}
