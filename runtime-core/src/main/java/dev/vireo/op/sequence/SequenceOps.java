package dev.vireo.op.sequence;

import dev.vireo.op.OpDefRegistry;

/** Registers the sequence and optional op definitions. */
public final class SequenceOps {
  private SequenceOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new SequenceConstructDef());
    r.register(new SequenceEmptyDef());
    r.register(new SequenceAtDef());
    r.register(new SequenceInsertDef());
    r.register(new SequenceEraseDef());
    r.register(new SequenceLengthDef());
    r.register(new SplitToSequenceDef());
    r.register(new ConcatFromSequenceDef());
    r.register(new OptionalDef());
    r.register(new OptionalHasElementDef());
    r.register(new OptionalGetElementDef());
  }
}
