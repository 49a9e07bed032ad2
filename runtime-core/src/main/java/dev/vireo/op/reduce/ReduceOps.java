package dev.vireo.op.reduce;

import dev.vireo.op.OpDefRegistry;

/** Registers the reductions, LogSoftmax and Hardmax. */
public final class ReduceOps {
  private ReduceOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new Reduce("ReduceSum", 13));
    for (String op : new String[] {"ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
        "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"}) {
      r.register(new Reduce(op, 18));
    }
    r.register(new SameShape("LogSoftmax"));
    r.register(new SameShape("Hardmax"));
  }
}
