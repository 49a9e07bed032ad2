package dev.vireo.op.rnn;

import dev.vireo.op.OpDefRegistry;

/** Registers the definitions of RNN, GRU and LSTM. */
public final class RecurrentOps {
  private RecurrentOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new RnnOp()).register(new GruOp()).register(new LstmOp());
  }
}
