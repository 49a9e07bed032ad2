package dev.vireo.optimize;

import java.util.Locale;

/**
 * How far the optimizer rewrites a graph, as in onnxruntime: each level includes the ones
 * before it.
 */
public enum OptimizationLevel {
  /** The graph runs as loaded. */
  NONE,
  /** Semantics-preserving clean-ups and constant folding; only standard ONNX ops are produced. */
  BASIC,
  /** Fusions into Vireo's and onnxruntime's contrib kernels (com.microsoft, dev.vireo domains). */
  EXTENDED,
  /** Everything, including layout changes. */
  ALL;

  /** True when a pass of level {@code passLevel} runs at this level. */
  public boolean includes(OptimizationLevel passLevel) {
    return passLevel != NONE && compareTo(passLevel) >= 0;
  }

  /**
   * Parses "none", "basic", "extended" or "all" (any case).
   *
   * @throws IllegalArgumentException naming the given text and the accepted ones
   */
  public static OptimizationLevel parse(String s) {
    for (OptimizationLevel l : values()) {
      if (l.name().equalsIgnoreCase(s.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown optimization level '" + s
        + "'; expected none, basic, extended or all");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
