package dev.vireo.kernel.rnn;

import dev.vireo.exec.ExecContext;
import dev.vireo.ir.Node;
import dev.vireo.tensor.Tensor;

/** Which of a recurrent node's outputs (Y, Y_h, Y_c) the graph uses, known at kernel creation. */
final class Outputs {
  private final boolean[] wanted;

  private Outputs(boolean[] wanted) {
    this.wanted = wanted;
  }

  static Outputs of(Node n) {
    boolean[] w = new boolean[n.outputs().size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = n.outputs().get(i) != null;
    }
    return new Outputs(w);
  }

  /** Whether output i is used. */
  boolean wants(int i) {
    return i < wanted.length && wanted[i];
  }

  /** The kernel's result: one entry per node output, null for the unused ones. */
  Tensor[] finish(ExecContext ctx, RecurrentRun.Output... outs) {
    Tensor[] t = new Tensor[wanted.length];
    for (int i = 0; i < t.length; i++) {
      if (wanted[i] && i < outs.length && outs[i] != null) {
        t[i] = outs[i].finish(ctx);
      }
    }
    return t;
  }
}
