package dev.vireo.kernel.control;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.kernel.KernelRegistry;
import dev.vireo.kernel.ValueKernel;

/**
 * ONNX If (opset 1+): runs {@code then_branch} when the single-element bool {@code cond} is true,
 * otherwise {@code else_branch}, and returns that branch's outputs (tensors, sequences or
 * optionals; the branches may produce different shapes).
 */
public final class IfKernel implements ValueKernel {
  private final Subgraph thenBranch;
  private final Subgraph elseBranch;

  /**
   * @param registry the kernels for the branches' nodes
   * @throws IllegalArgumentException when a branch is missing or a branch's output count differs
   *     from the node's
   */
  public IfKernel(Node node, KernelRegistry registry) {
    thenBranch = new Subgraph(node, "then_branch", registry);
    elseBranch = new Subgraph(node, "else_branch", registry);
    int outs = node.outputs().size();
    if (thenBranch.outputCount() != outs || elseBranch.outputCount() != outs) {
      throw new IllegalArgumentException("the node has " + outs + " outputs but then_branch has "
          + thenBranch.outputCount() + " and else_branch " + elseBranch.outputCount());
    }
    if (thenBranch.inputCount() != 0 || elseBranch.inputCount() != 0) {
      throw new IllegalArgumentException("If branches take no inputs");
    }
  }

  @Override
  public Object[] runValues(Object[] inputs, ExecContext ctx) {
    boolean c = LoopKernel.truth(Subgraph.tensor(inputs[0], "cond"), "cond");
    return (c ? thenBranch : elseBranch).run(inputs, new Object[0], ctx);
  }
}
