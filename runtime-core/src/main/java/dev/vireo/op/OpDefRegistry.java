package dev.vireo.op;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Operator definitions by (domain, op type). */
public final class OpDefRegistry {
  private final Map<String, OpDef> defs = new TreeMap<>();

  public OpDefRegistry register(OpDef def) {
    defs.put(key(def.domain(), def.opType()), def);
    return this;
  }

  /** The definition, or null when the op has none (its outputs then stay untyped). */
  public OpDef find(String domain, String opType) {
    return defs.get(key(domain, opType));
  }

  public Collection<OpDef> all() {
    return defs.values();
  }

  private static String key(String domain, String opType) {
    return (domain == null ? "" : domain) + "::" + opType;
  }
}
