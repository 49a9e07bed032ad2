package dev.vireo.op.text;

import dev.vireo.op.OpDefRegistry;

/** Registers the string ops. */
public final class TextOps {
  private TextOps() {}

  public static void register(OpDefRegistry r) {
    r.register(new StringNormalizerDef());
    r.register(new StringConcatDef());
    r.register(new StringSplitDef());
    r.register(new RegexFullMatchDef());
    r.register(new TfIdfVectorizerDef());
  }
}
