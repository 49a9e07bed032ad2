package dev.vireo.op.loss;

import dev.vireo.op.OpDefRegistry;

/** Registers the loss ops. */
public final class LossOps {
  private LossOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new ClassLossDef("NegativeLogLikelihoodLoss"));
    r.register(new ClassLossDef("SoftmaxCrossEntropyLoss"));
  }
}
